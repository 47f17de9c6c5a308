import type { MessageKey } from './en.js';

/**
 * 简体中文 (zh-CN): the same keys as en.ts, written as a Chinese CS analyst writes them. Terms follow
 * docs/terminology.md (the original reports' words: 综合表现, 投资优先分, 红区 / 黄区 / 绿区, 生命周期阶段 …).
 */
export const zhCN = {
  // ── Languages ──
  'language.name.en': '英文 (English)',
  'language.name.zh-CN': '简体中文',
  'language.usage.unknown': '`{given}`：Radar 不支持这种语言。请使用：{supported}。',

  // ── Category levels ──
  'term.stage.Activation': '激活期',
  'term.stage.Growth': '成长期',
  'term.stage.Maturity': '成熟期',
  'term.stage.Retention': '留存期',
  'term.stage.Dormant': '休眠期',
  'term.tier.Basic': '基础',
  'term.tier.Bronze': '青铜',
  'term.tier.Silver': '白银',
  'term.tier.Gold': '黄金',
  'term.tier.Platinum': '铂金',
  'term.zone.red': '红区',
  'term.zone.yellow': '黄区',
  'term.zone.green': '绿区',
  'term.segment.HV': '高价值',
  'term.segment.SMB': '中小客户',
  'term.segment.other': '其他',
  'term.route.manual-intervention': '人工干预',
  'term.route.dedicated-acceleration': '专属加速',
  'term.route.automated-nurture': '自动化培育',
  'term.route.standard': '标准跟进',

  // ── The context line ──
  'context.population': '{count} {population}',
  'context.dataAsOf': '数据截至 {date}',
  'context.dataDateUnknown': '数据日期未知',

  // ── Errors and usage ──
  'usage.givenTwice': '`{key}` 重复给出。',
  'usage.notAllowed': '不接受 `{given}`：{key} 可取 {allowed}。',
  'usage.unknownOption': '未知选项 `{key}`。',
  'usage.unknownOptionKnown': '未知选项 `{key}`。可用选项：{options}。',
  'usage.unknownWord': '无法理解 `{word}`。',
  'usage.unknownWordKnown': '无法理解 `{word}`。此命令接受的词：{words}。',
  'usage.usageLine': '用法：{slash} {usage}',
  'usage.moreLine': '更多说明：{slash} help',
  'usage.noCommand': '没有 `{given}` 这个命令。可用命令：{commands}。输入 `help` 查看各命令的用途。',
  'usage.empty': '（空）',

  // ── Help ──
  'help.examples': '示例：',
  'help.options': '选项：',
  'help.words': '关键词：',
  'help.methodsLine': '计算方法：{methods} · 各指标含义：{glossary}',
  'help.listIntro': 'Radar 命令（在任一命令后加 `help` 查看选项，例如 `/priority help`）：',
  'help.listCommon': '每个命令还接受 `private`、`list`、`charts=default|all|none` 和 `lang=en|zh`。',
  'help.common.charts': '附带几张图表：最多 {limit} 张（默认）、全部（all）或不附（none）',
  'help.common.lang': '回答所用语言：en（English）或 zh（简体中文）；默认为你的语言',
  'help.common.help': '查看命令的计算内容和选项',
  'help.common.private': '只回答给你（在 Slack 中：文字仅你可见，图表发到你与 Radar 的私信）',
  'help.common.list': '列出该组全部客户及原始数值（CSV），而不只是前十个',

  // ── 命令行 ──
  'cli.chartFiles': '图表文件：',
  'cli.nothingToList': '此回答没有可列出的客户组。',
  'cli.allAsCsv': '全部 {count} 个（CSV）：',
  'cli.welcome': 'Radar 本地模式 — 数据来自{source}，以{language}回答。',
  'cli.demoSource': '内置演示数据仓库',
  'cli.welcomeHint':
    '输入 `help` 查看命令，例如 `/segment-anomalies` 或 `/radar doctor`；`lang en` 切换为英文；`exit` 或 Ctrl-D 退出。',
  'cli.languageNow': '现在以{language}回答。',
  'cli.languageIs': '当前以{language}回答。可用 `lang en` 或 `lang zh-CN` 切换。',
  'cli.unknownFlag': '未知参数 `{flag}`。提示符接受 --json、--details 和 --out DIR。',
  'cli.outNeedsFolder': '`--out` 需要一个文件夹，例如 `/priority top 5 --out charts`。',

  // ── 各命令共用的回答部分 ──
  'answer.methodAndData': '方法与数据',

  // ── Slack surfaces (alerts, digests, App Home) ──
  // Keys under alerts. digest. home. notice. slack. go here (engineer B's block), nothing else does.
} as const satisfies Record<MessageKey, string>;
