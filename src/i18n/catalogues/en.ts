/**
 * English: the one message catalogue of the `en` locale. Flat ICU MessageFormat strings keyed by dotted ids,
 * sectioned by prefix. Every other catalogue has exactly these keys with the same placeholders (the catalogue
 * test checks), so this file is also the list of everything Radar says.
 *
 * Numbers arrive pre-formatted by numberFormat(locale) as strings; a `{n, plural, …}` argument is the raw count.
 * Keys under alerts. digest. home. notice. slack. belong to the Slack surfaces' block at the end.
 */
export const en = {
  // ── Languages ──
  'language.name.en': 'English',
  'language.name.zh-CN': 'Simplified Chinese (简体中文)',
  'language.usage.unknown': '`{given}`: Radar does not write in this language. Use one of: {supported}.',

  // ── Category levels (data values shown in the reader's language; --json keeps the raw value) ──
  'term.stage.Activation': 'Activation',
  'term.stage.Growth': 'Growth',
  'term.stage.Maturity': 'Maturity',
  'term.stage.Retention': 'Retention',
  'term.stage.Dormant': 'Dormant',
  'term.tier.Basic': 'Basic',
  'term.tier.Bronze': 'Bronze',
  'term.tier.Silver': 'Silver',
  'term.tier.Gold': 'Gold',
  'term.tier.Platinum': 'Platinum',
  'term.zone.red': 'red zone',
  'term.zone.yellow': 'yellow zone',
  'term.zone.green': 'green zone',
  'term.segment.HV': 'high value',
  'term.segment.SMB': 'SMB',
  'term.segment.other': 'other',
  'term.route.manual-intervention': 'Manual intervention',
  'term.route.dedicated-acceleration': 'Dedicated acceleration',
  'term.route.automated-nurture': 'Automated nurture',
  'term.route.standard': 'Standard engagement',

  // ── The context line closing every main message ──
  'context.population': '{count} {population}',
  'context.dataAsOf': 'data as of {date}',
  'context.dataDateUnknown': 'data date unknown',

  // ── Errors and usage, shared by every command ──
  'usage.givenTwice': '`{key}` is given twice.',
  'usage.notAllowed': '`{given}` is not allowed: {key} takes {allowed}.',
  'usage.unknownOption': 'Unknown option `{key}`.',
  'usage.unknownOptionKnown': 'Unknown option `{key}`. Options: {options}.',
  'usage.unknownWord': "I don't understand `{word}`.",
  'usage.unknownWordKnown': "I don't understand `{word}`. Words this command takes: {words}.",
  'usage.usageLine': 'Usage: {slash} {usage}',
  'usage.moreLine': 'More: {slash} help',
  'usage.noCommand': 'There is no command `{given}`. Commands: {commands}. Type `help` for what each does.',
  'usage.empty': '(empty)',

  // ── Help ──
  'help.examples': 'Examples:',
  'help.options': 'Options:',
  'help.words': 'Words:',
  'help.methodsLine': 'How it is computed: {methods} · what each score means: {glossary}',
  'help.listIntro': 'Radar commands (add `help` to any of them for options, e.g. `/priority help`):',
  'help.listCommon': 'Every command also takes `private`, `list`, `charts=default|all|none` and `lang=en|zh`.',
  'help.common.charts': 'how many charts to attach: up to {limit} (default), all, or none',
  'help.common.lang': 'answer in this language: en (English) or zh (简体中文); default: yours',
  'help.common.help': 'show what the command computes and its options',
  'help.common.private': 'answer only to you (in Slack: ephemeral text, charts in your DM with Radar)',
  'help.common.list': 'every account of the group, with raw numbers (CSV), not just the first ten',

  // ── The command line (radar ask, the local prompt) ──
  'cli.chartFiles': 'Chart files:',
  'cli.nothingToList': 'This answer names no group of accounts to list.',
  'cli.allAsCsv': 'All {count} (CSV):',
  'cli.welcome': 'Radar local mode — answering from {source}, in {language}.',
  'cli.demoSource': 'the bundled demo warehouse',
  'cli.welcomeHint':
    'Type `help` for the commands, e.g. `/segment-anomalies` or `/radar doctor`; `lang zh-CN` to answer in Chinese; `exit` or Ctrl-D to quit.',
  'cli.languageNow': 'Answers are now in {language}.',
  'cli.languageIs': 'Answers are in {language}. Change with `lang en` or `lang zh-CN`.',
  'cli.unknownFlag': 'Unknown flag `{flag}`. The prompt takes --json, --details and --out DIR.',
  'cli.outNeedsFolder': '`--out` needs a folder, e.g. `/priority top 5 --out charts`.',

  // ── Answer parts every command shares ──
  'answer.methodAndData': 'Method and data',

  // ── Glossary (docs/glossary.md, docs/terminology.md) ──
  'glossary.priority.name': 'priority',
  'glossary.priority.scale': '−0.2 to 0.8, higher = call sooner',
  'glossary.investmentPriority.name': 'investment priority score',
  'glossary.health.name': 'health score',
  'glossary.health.scale': 'value table, ~1–5',
  'glossary.engagementHealth.name': 'engagement health',
  'glossary.engagementHealth.scale': '0–100, activity table',
  'glossary.churn.name': 'churn risk',
  'glossary.ltv.name': 'lifetime value (LTV)',
  'glossary.zoneScore.name': 'zone score',
  'glossary.zoneScore.scale': '0–100',
  'glossary.productAdoption.name': 'product adoption',
  'glossary.supportResolution.name': 'support resolution',
  'glossary.sales.name': 'sales',
  'glossary.compositePerformance.name': 'composite performance',
  'glossary.compositePerformance.scale': '0–1',
  'glossary.rfm.name': 'RFM score',
  'glossary.rfm.scale': '1–5',
  'glossary.valueWithScale': '{name} {value} ({scale})',
  'glossary.value': '{name} {value}',
  'glossary.headingWithScale': '{name} ({scale})',
  'glossary.accountName': '{organisation} — {email}',
  'glossary.unnamedAccount': 'unnamed account',

  // ── Next actions (src/analysis/next-action/next-action.ts) ──
  'action.intervene-48h': 'Intervene within 48 hours',
  'action.call-fallen-priority': 'Call this week: priority fell, find out what changed',
  'action.guided-onboarding': 'Guided onboarding and in-product nudges',
  'action.dedicated-onboarding': 'Dedicated CSM: guided onboarding before any expansion',
  'action.dedicated-expansion': 'Dedicated CSM: plan an expansion conversation',
  'action.expansion': 'Expansion conversation at the next check-in',
  'action.automated-nurture': 'Automated nurture; no personal outreach needed now',
  'action.check-in': 'Regular check-ins',
  'action.re-engage': 'Re-engage: review product adoption and support with them',
  'action.retention-check': 'Check in this week: find out why they may not stay',

  // ── Chart words (axes, legends, subtitles that are not data) ──
  'chart.word.priority': 'priority (−0.2 to 0.8)',
  'chart.word.investmentPriority': 'investment priority score',
  'chart.word.valueHealth': 'health score (value table, ~1–5)',
  'chart.word.engagementHealth': 'engagement health (0–100, activity table)',
  'chart.word.churnRisk': 'churn risk',
  'chart.word.ltv': 'lifetime value (LTV)',
  'chart.word.zoneScore': 'zone score (0–100)',
  'chart.word.adoption': 'product adoption',
  'chart.word.support': 'support resolution',
  'chart.word.sales': 'sales',
  'chart.word.composite': 'composite performance',
  'chart.word.roi': 'ROI (LTV ÷ acquisition cost)',
  'chart.word.customers': 'customers',
  'chart.word.customerCount': 'Customers (count)',
  'chart.word.shareOfGroup': 'Share of the group (%)',
  'chart.word.anomalyRate': 'Anomaly rate (% of customers)',
  'chart.word.allCustomers': 'All customers',
  'chart.word.smallCell': 'grey: fewer than {min} customers, too few to compare',
  'chart.word.sampled': '{shown} of {total} shown, each group sampled in proportion',
  'chart.dataAsOf': 'data as of {date}',
  'chart.subtitleJoin': '{subtitle}; {stamp}',

  // ── /priority ──
  'command.priority.summary':
    'Who to call first: customers ranked by value, health and churn risk, each with the next action',
  'command.priority.help':
    'Answers "whom should I call first?": every customer ranked by priority (−0.2 to 0.8, higher = call sooner), which rises with value (RFM score) and health score and falls with churn risk. Each named customer gets the next action: red zone first (intervene within 48 hours), then the route.\n`route=manual` lists the customers whose priority dropped since the previous snapshot; `list` gives every matching customer as a CSV.',
  'command.priority.option.tier': 'only this tier',
  'command.priority.option.segment':
    'only high-value (Gold/Platinum, share > 5%) or SMB (Basic/Bronze/Silver, share ≤ 5%) customers',
  'command.priority.option.stage': 'only this stage',
  'command.priority.option.zone': 'only customers in this health zone (the zones of /conversion-cohort)',
  'command.priority.option.route': 'only this route: manual (priority dropped), acceleration, nurture or standard',
  'command.priority.option.rfm_weight': 'weight of the normalised RFM composite in the priority (default {value})',
  'command.priority.option.health_weight': 'weight of normalised health in the priority (default {value})',
  'command.priority.option.churn_weight': 'weight of churn probability (subtracted) in the priority (default {value})',
  'command.priority.option.drop':
    'a fall in priority larger than this since the previous snapshot → manual intervention (default {value})',
  'command.priority.word.top': 'followed by N (1–100, default 10): how many customers to list',
  'priority.usage.badTop': '`{given}` is not allowed: N takes a whole number from 1 to {max}.',
  'priority.title': 'Priority — who to call first',
  'priority.population': 'ranked customers',
  'priority.takeawayFirst': 'Call {who} first — {priority}: {action}.',
  'priority.takeawayFell':
    '{count, plural, one {# customer saw their} other {# customers saw their}} priority drop by more than {threshold} (add route=manual to list them).',
  'priority.takeawayRoute':
    '{count, plural, one {# customer} other {# customers}} on the {route} route; start with {who}.',
  'priority.accountsTitle': 'Act on these first (highest priority first)',
  'priority.routesTitle': 'Routes',
  'priority.column.route': 'Route',
  'priority.column.customers': 'Customers',
  'priority.column.share': 'Share',
  'priority.noCustomerQualifies': 'No customer qualifies.',
  'priority.noneRanked':
    'No customer can be ranked: no latest value row has recency, frequency, monetary, health score and churn risk all present.',
  'priority.noneMatch': 'No customer matches {filter} (values present: {present}).',
  'priority.none': 'none',
  'priority.why.priority': 'priority {value}',
  'priority.why.down': 'down {value}',
  'priority.why.churn': 'churn risk {value}',
  'priority.why.ltv': 'LTV {value}',
  'priority.csv.columns':
    'rank,organisation,email,tier,lifecycle stage,zone,priority (-0.2 to 0.8),priority change,health score (1-5),churn risk,lifetime value,route,next action',
  'priority.route.manual-intervention': 'manual intervention (priority dropped)',
  'priority.route.dedicated-acceleration': 'dedicated acceleration',
  'priority.route.automated-nurture': 'automated nurture',
  'priority.route.standard': 'standard engagement',
  'priority.section.ranking': 'Priority ranking',
  'priority.reason.noInputs': 'no latest value row has all five inputs ({missing}).',
  'priority.headline.noMatch': 'No customer matches {filter} ({kind} present: {present}).',
  'priority.reason.noMatch':
    'no ranked customer matches {filter}; {kind} present among the {n, plural, one {# ranked customer} other {# ranked customers}}{afterEarlier, select, yes { (after the earlier filters)} other {}}: {present}.',
  'priority.section.top': 'Top {shown} of {n, plural, one {# customer} other {# customers}}',
  'priority.section.topFiltered': 'Top {shown} of {n, plural, one {# customer} other {# customers}} ({filters})',
  'priority.table.columns': '#|Customer|Tier|Stage|Priority|Change|Health|Churn|LTV|Route',
  'priority.table.note': '# = rank among all ranked customers; Change = priority now minus on the previous snapshot.',
  'priority.section.routesAcross':
    'Routes across the {n, plural, one {# matching customer} other {# matching customers}}',
  'priority.section.change': 'Priority change since the previous snapshot',
  'priority.reason.noPrevious':
    'no ranked customer has a previous snapshot, so the manual-intervention route cannot fire.',
  'priority.reason.noCompletePrevious':
    'none of the {n, plural, one {# previous snapshot} other {# previous snapshots}} has all five inputs, so the manual-intervention route cannot fire.',
  'priority.note.excluded':
    '{n, plural, one {# customer} other {# customers}} not ranked for a missing input ({missing})',
  'priority.note.comparable':
    '{comparable} of {n, plural, one {# ranked customer} other {# ranked customers}} have a previous snapshot with every input (priority change computed)',
  'priority.note.nextActions': 'next actions: {method}',
  'priority.note.noZone': '{n, plural, one {# customer} other {# customers}} without a zone (missing zone inputs)',
  'priority.filter.latest': 'latest value row per email',
  'priority.threshold.formula': 'priority = {rfm}·norm(RFM) + {health}·norm(health) − {churn}·churn',
  'priority.threshold.drop': 'manual intervention when priority fell by > {drop}',
  'priority.threshold.acceleration': 'dedicated acceleration: HV and priority cume_dist ≥ {cut}',
  'priority.threshold.segments': 'HV = Gold/Platinum and portfolio share > 0.05; SMB = Basic/Bronze/Silver and ≤ 0.05',
  'priority.headline.first': 'Call *{who}* first: priority {priority} ({tier}, {stage}), route {route}.',
  'priority.headline.noTier': 'no tier',
  'priority.headline.noStage': 'no stage',
  'priority.headline.routes': 'Routes in the top {shown}: {routes}.',
  'priority.headline.routeCount': '{count} {route}',
  'priority.headline.fell':
    'Across all {n} ranked customers, {fell, plural, one {# customer} other {# customers}} fell by more than {drop} since the previous snapshot (manual intervention).',
  'priority.missing.item': '{input} missing on {count}',
  'priority.missing.none': 'none missing',
  'priority.chart.noMatch': 'No customer matches',
  'priority.chart.takeaway': '{who} leads at {priority}; {share}',
  'priority.chart.shareAll': '{n, plural, one {it is on {route}} other {all # are on {route}}}',
  'priority.chart.shareMost': '{count} of the top {n} are on {route}',
  'priority.chart.shareSplit': 'the top {n} are split across {routes} routes',
  'priority.chart.population': 'Top {n} of {matched} ranked customers',
  'priority.chart.populationFiltered': 'Top {n} of {matched} customers matching {filters}',
  'priority.chart.legend': 'bar = {priority}, higher = call sooner; colour = route',
  'priority.chart.alt': 'Horizontal bars of the {n} highest priorities; {who} leads with {priority}.',
  'priority.chart.altNone': 'No customer to show.',

  // ── Joining sentences and lists ──
  'common.sentences': '{first} {second}',
  'common.list': '{first}, {second}',

  // ── Zones method note (every command that zones customers) ──
  'zones.method.activity': 'activity score (velocity, risk level, weighted engagement)',
  'zones.method.value-fallback': 'value-table fallback (churn probability and health, relative thresholds)',
  'zones.methodNote': 'zones by {method}',
  'zones.methodNoteWhy': 'zones by {method} ({why})',

  // ── Provenance ("Method and data": what every number was computed on) ──
  'provenance.reduction.all': 'all rows',
  'provenance.reduction.latest': 'latest snapshot per {key}',
  'provenance.reduction.previous': 'latest two snapshots per {key}',
  'provenance.reduction.allWithKey': 'all rows ({key} present)',
  'provenance.note.withoutKey': '{table}: {n, plural, one {# row} other {# rows}} without a key dropped',
  'provenance.note.duplicatedAll':
    '{table}: {n, plural, one {# key} other {# keys}} on several rows (up to {max}); every snapshot row kept (this analysis reads the history)',
  'provenance.note.duplicatedLatest':
    '{table}: {n, plural, one {# key} other {# keys}} on several rows (up to {max}); reduced to the latest',
  'provenance.note.unparseable':
    '{table}: {n, plural, one {# timestamp} other {# timestamps}} not parseable (ranked oldest)',
  'provenance.note.missingTimestamps': '{table}: {n, plural, one {# timestamp} other {# timestamps}} missing',
  'provenance.note.unreadable':
    '{column}: {n, plural, one {# value} other {# values}} not readable as {kind} (treated as missing)',
  'provenance.kind.flag': 'a 0/1 flag',
  'provenance.kind.number': 'a number',
  'provenance.kind.value': 'a value',
  'provenance.heading': 'Data read',
  'provenance.tableLine': '{table}: {rows} rows → {used} ({reduction})',
  'provenance.described': 'Customers described: {n}',
  'provenance.filters': 'Filters: {filters}',
  'provenance.filtersNone': 'Filters: none',
  'provenance.thresholds': 'Thresholds: {thresholds}',
  'provenance.dataDate': 'Data date: {date}',
  'provenance.dataDateUnknown': 'Data date: unknown (no parseable snapshot timestamp)',
  'provenance.quality': 'Data quality:',
  'answer.charts': 'Charts: {names}',
  'answer.chartsOmitted': 'Charts: {names} ({n} more with charts=all)',
  'answer.chartsNone': 'none',
  'answer.unavailable': 'Not available because {reason}',
  'answer.moreAccounts': '{title} — {shown} of {total}; `list` gives all:',
  'answer.accountsTitle': '{title}:',
  'answer.tableTitle': '{title}:',

  // ── Numbers ──
  'common.missing': 'n/a',
  'priority.filterName.tier': 'tiers',
  'priority.filterName.segment': 'segments',
  'priority.filterName.stage': 'stages',
  'priority.filterName.zone': 'zones',
  'priority.filterName.route': 'routes',

  // ── Zone reasons (rule by rule; English answers keep the analysis's own, longer sentence) ──
  'zones.reason.stagnant': 'Engagement velocity is Stagnant: activity has stalled, so red whatever the score.',
  'zones.reason.unknown-risk':
    'The risk level is not a known level, so it is treated as high risk and red whatever the score.',
  'zones.reason.score-below-red': 'Zone score {score} is below {red}.',
  'zones.reason.score-in-yellow': 'Zone score {score} is between {red} and {green}.',
  'zones.reason.score-above-green': 'Zone score {score} is above {green}.',
  'zones.reason.fallback-bottom': 'Fallback score {score} is among the lowest of all customers.',
  'zones.reason.fallback-low': 'Fallback score {score} is low, but not among the lowest.',
  'zones.reason.fallback-rest': 'Fallback score {score} is above the low band.',
  'zones.reason.missing-inputs': 'No zone: an input of the zone score is missing.',
  'zones.reason.noRow': 'the zone inputs have no row for this customer.',

  // ── /customer ──
  'command.customer.summary':
    'One customer on one card: zone, priority, churn risk, value, open alerts and the next action',
  'command.customer.help':
    'Answers "where do we stand with this customer, and what do I do next?": one card with the zone and why, priority (−0.2 to 0.8, higher = call sooner) and rank, health score, churn risk, lifetime value (LTV), open alerts and the next action (red zone first: intervene within 48 hours).\nFind the customer by email, customer id, or part of the organisation or person name; several matches give a pick list.',
  'customer.usage.empty': 'Say which customer: an email, a customer360_id or part of a name.',
  'customer.usage.tooLong':
    'That customer query is {length} characters long; give at most {max}: an email, a customer360_id or part of a name.',
  'customer.takeaway': '{who}: {zone}. Next: {action}.',
  'customer.figuresTitle': 'Key figures',
  'customer.noZone': 'no zone',
  'customer.zoneText': '{zone} (zone score {score} / 100)',
  'customer.rank': '#{rank} of {of}',
  'customer.notRanked': 'not ranked (an input is missing)',
  'customer.alertsNotTracked': 'Open alerts: not tracked here (only with alert tracking running).',
  'customer.noAlerts': 'Open alerts: none.',
  'customer.alertAssigned': 'Open alert: {state} since {since}, assigned to <@{assignee}>.',
  'customer.alertUnassigned': 'Open alert: {state} since {since}, unassigned.',
  'customer.why': 'Why this zone: {reason}',
  'customer.pickTakeaway':
    '{over, select, yes {Over } other {}}{count, plural, one {# customer matches} other {# customers match}} "{query}": pick one below.',
  'customer.noMatchTakeaway': 'No customer matches "{query}".',
  'customer.closest': 'Closest: {list}.',
  'customer.population': 'customer',
  'customer.column.figure': 'Figure',
  'customer.column.value': 'Value',
  'customer.row.tierStage': 'Tier, lifecycle stage',
  'customer.tierStageValue': '{tier} ({segment}), {stage}',
  'customer.headline': '*{who}*: {tier}, {stage}, {zone}, {priority}. Next: {action}',
  'customer.headline.priority': 'priority #{rank} of {of}',
  'customer.headline.notRanked': 'not ranked',
  'customer.figure.tierSegment': 'Tier / segment',
  'customer.figure.stage': 'Lifecycle stage',
  'customer.figure.health': 'Health score',
  'customer.figure.churn': 'Churn probability',
  'customer.figure.ltv': 'Estimated LTV',
  'customer.figure.rfm': 'R / F / M',
  'customer.figure.rfmComposite': 'RFM composite',
  'customer.figure.share': 'Portfolio share',
  'customer.figure.tierMedians': '{tier} medians (n = {n})',
  'customer.figure.tierMediansValue': 'health {health}, churn {churn}, LTV {ltv}, RFM {rfm}',
  'customer.section.zone': 'Zone: {zone}',
  'customer.section.zoneUnavailable': 'Zone',
  'customer.section.priority': 'Priority and next action',
  'customer.priorityLine':
    'Priority {priority}, rank {rank} of {of} (top {share}); change since the previous snapshot {change}.',
  'customer.routeLine': 'Route: *{route}*. Next action (zone first, then route): {action}.',
  'customer.section.rank': 'Priority rank',
  'customer.section.alerts': 'Open alerts',
  'customer.alerts.notTracked': 'alerts: not tracked in this mode',
  'customer.alerts.none': 'No open alerts.',
  'customer.alerts.assigned': '{state} since {since}, assigned to {assignee}',
  'customer.alerts.unassigned': '{state} since {since}, unassigned',
  'customer.filter.found': 'found {method}: "{query}"',
  'customer.filter.latest': 'latest value row per email',
  'customer.threshold.priority': 'priority and routes as /priority (defaults)',
  'customer.threshold.zones': 'zones as /conversion-cohort',
  'customer.title': 'Customer — {who}',
  'customer.method.email': 'by email',
  'customer.method.customer360_id': 'by customer360_id',
  'customer.method.name': 'by organisation or name',
  'customer.pick.more': '(showing {shown}; add more of the name to narrow it)',
  'customer.pick.filter': '"{query}" {method}',
  'customer.pick.title':
    'Customer — {over, select, yes {Over } other {}}{count, plural, one {# match} other {# matches}} for "{query}"',
  'customer.pick.accountsTitle': 'Matches',
  'customer.pick.accountsTitleMore': 'Matches {more}',
  'customer.pick.why': '{tier}, {stage}',
  'customer.pick.population': 'matches',
  'customer.pick.headline':
    '{over, select, yes {Over } other {}}{count, plural, one {# customer matches} other {# customers match}} "{query}" {method}{more}. Pick one with the command beside it.',
  'customer.pick.columns': 'Customer|Tier|Stage|Command',
  'customer.none.title': 'Customer — no match for "{query}"',
  'customer.none.population': 'customers matched',
  'customer.none.headline': 'No customer matches "{query}".',
  'customer.none.headlineClosest': 'No customer matches "{query}". Closest: {list}.',
  'customer.none.section': 'Customer card',
  'customer.none.reason': 'nothing in {where} matches "{query}".',
  'customer.none.didYouMean': 'Did you mean',
  'customer.card.unranked': 'the latest value row lacks {missing}, so it cannot be ranked.',
  'customer.card.notInPopulation': 'the customer is not in the ranked population.',

  // ── /customer chart (the customer beside their tier's median) ──
  'chart.card.metric.health': 'Health score (~1–5)',
  'chart.card.metric.churn': 'Churn risk',
  'chart.card.metric.ltv': 'Lifetime value (LTV)',
  'chart.card.metric.rfm': 'RFM composite (1–5)',
  'chart.card.word.health': 'health',
  'chart.card.word.churn': 'churn risk',
  'chart.card.word.ltv': 'lifetime value',
  'chart.card.word.rfm': 'RFM',
  'chart.card.and': '{first} and {last}',
  'chart.card.level': 'level with the {tier} median',
  'chart.card.better': 'better than the {tier} median on {better}',
  'chart.card.worse': 'worse than the {tier} median on {worse}',
  'chart.card.mixed': 'better than the {tier} median on {better}, worse on {worse}',
  'chart.card.title': '{who}: {standing}',
  'chart.card.median': '{tier} median',
  'chart.card.alt': "Bars comparing this customer's health, churn, LTV and RFM with the {tier} tier medians.",
  'chart.card.subtitle': 'This customer beside the median of the {n} {tier} customers',
  'chart.card.subtitle2': 'Higher health, LTV and RFM are better; lower churn risk is better',
  'chart.card.axis': 'Each metric on its own scale',
  'common.enumeration': '{first}, {second}',

  // ── /segment-anomalies ──
  'command.segment-anomalies.summary':
    'Customers whose retention is far from what their profitability segment predicts, named, and what sets them apart',
  'command.segment-anomalies.help':
    'Answers "whose retention does their segment get wrong?": NetSuite customers whose retention probability is more than 15 points away from their profitability segment\'s average, named, with the ones likely to leave first and the next action.\nUse `all` to read every segmentation snapshot instead of the latest per customer, `segment=` for one segment, `threshold=` for another distance (0–1).',
  'command.segment-anomalies.option.threshold':
    'how far retention must sit from its segment mean to count as an anomaly (default {value})',
  'command.segment-anomalies.option.segment':
    'only customers of this segment (segment means are per segment, so they do not change)',
  'command.segment-anomalies.option.seed':
    'k-means++ seed (default {value}); the same seed always gives the same clusters',
  'command.segment-anomalies.word.all': 'use every NetSuite row instead of the latest row per customer',
  'segment.takeaway':
    '{below} {belowCount, plural, one {is} other {are}} far less likely to stay than their segment predicts (retention over {points} points below it); {worst} is the least predictable segment.',
  'segment.belowCustomers': '{n, plural, one {# customer} other {# customers}}',
  'segment.belowRows': '{rows} snapshot rows ({customers} customers)',
  'segment.takeawayNoneBelow':
    'No customer retains far below their segment; {anomalies} retain over {points} points above it.',
  'segment.takeawayNone': "Every customer retains within {points} points of their segment's average.",
  'segment.noSegment': 'no segment',
  'segment.accountsTitle': 'Act on these first (furthest below their segment)',
  'segment.why': 'retention {retention} vs {segment} average {mean}',
  'segment.noneQualify': 'None qualify: no customer retains far below their segment.',
  'segment.segmentsTitle': 'Retention by profitability segment',
  'segment.snapshotNote':
    'Every snapshot row counts ({rows} rows of {customers} customers): one customer can appear several times.',
  'segment.unavailable': 'No customer to analyse: {reason}',
  'segment.population': 'NetSuite customers',
  'segment.populationRows': 'NetSuite snapshot rows',
  'segment.filterAll': 'every snapshot row',
  'segment.columns': 'Segment|Customers|Avg retention|Far below|Far above',
  'segment.columnsRows': 'Segment|Rows|Avg retention|Far below|Far above',
  'segment.csv.columns': 'customer id|name|segment|retention|segment average|difference|direction|next action',
  'segment.title': 'Segment anomalies — {mode, select, all {all rows} other {latest row per customer}}',
  'segment.titleSegment':
    'Segment anomalies — {mode, select, all {all rows} other {latest row per customer}} — {segment}',

  // ── Profitability segments (NetSuite), shown translated ──
  'term.profitability.Premium': 'Premium',
  'term.profitability.High Value': 'High Value',
  'term.profitability.Standard': 'Standard',
  'term.profitability.Basic': 'Basic',
  'term.profitability.Growing': 'Growing',

  // ── /investment-mismatch ──
  'command.investment-mismatch.summary':
    'Top-priority accounts that underperform on sales, product adoption and support, named, with where they cluster',
  'command.investment-mismatch.help':
    'Answers "which accounts do we invest most in that give least back?": the top 30% by investment priority score (from the export) whose composite performance (sales, product adoption, support resolution) is in the bottom half, named with lifetime value (LTV) and the next action (red zone first: intervene within 48 hours).\nNarrow it with `industry=` or `size=`; `list` gives every such account as a CSV.',
  'command.investment-mismatch.option.top': 'top priority share (default {value}: cume_dist ≥ 0.7)',
  'command.investment-mismatch.option.bottom': 'bottom composite share (default {value}: cume_dist ≤ 0.5)',
  'command.investment-mismatch.option.w_sales': 'composite weight of sales (default {value})',
  'command.investment-mismatch.option.w_adoption': 'composite weight of product adoption (default {value})',
  'command.investment-mismatch.option.w_support': 'composite weight of support resolution (default {value})',
  'command.investment-mismatch.option.min_cell': 'smallest industry × size cell reported (default {value})',
  'command.investment-mismatch.option.industry': 'only customers of this industry',
  'command.investment-mismatch.option.size': 'only customers of this size tier',
  'mismatch.takeaway':
    '{mismatched} of your {top} top-priority accounts are underperforming — {stageShare} of them are in the {stage} stage.',
  'mismatch.takeawayPlain':
    '{mismatched} of your {top} top-priority accounts are underperforming on sales, product adoption and support.',
  'mismatch.accountsTitle': 'Act on these first (largest lifetime value at risk)',
  'mismatch.why': '{stage}, LTV {ltv}, composite performance {performance} (bottom half)',
  'mismatch.noneQualify': 'None qualify: no top-priority account performs in the bottom half.',
  'mismatch.stagesTitle': 'Underperforming accounts by lifecycle stage',
  'mismatch.stagesColumns': 'Lifecycle stage|Accounts|Share',
  'mismatch.whyNote':
    "Why it happens: the investment priority score barely moves with performance (correlation {correlation}), so priority follows something other than today's results.",
  'mismatch.tracksNote':
    'The investment priority score moves with performance (correlation {correlation}); the mismatch is the exception.',
  'mismatch.population': 'customers with sales, adoption, support and priority',
  'mismatch.top': 'top {share} by investment priority score',
  'mismatch.unknownStage': 'no stage',
  'mismatch.csv.columns':
    'email|organisation|lifecycle stage|industry|company size|zone|investment priority score|composite performance|sales|product adoption|support resolution|lifetime value|roi|next action',
  'mismatch.title': 'Investment mismatch — top {top}% priority vs bottom {bottom}% performance',
  'mismatch.titleUnavailable': 'Investment mismatch — not available',
  'mismatch.unavailableTakeaway': 'Investment mismatch is not available: {reason}',
  'mismatch.section': 'Investment mismatch',
  'mismatch.noEmailRows': 'The value table has no rows with an email.',
  'mismatch.noPopulation': 'No customer has sales, adoption, support and an investment priority together ({notes}).',
  'mismatch.usage.zeroWeights':
    '`w_sales`, `w_adoption` and `w_support` cannot all be 0: the composite would be empty.',

  // ── /value-segments ──
  'command.value-segments.summary':
    'High-value vs SMB customers side by side: lifetime value, health score, churn risk, RFM score and activity',
  'command.value-segments.help':
    'Answers "how different are our high-value customers from SMB ones?": high value (HV) = Gold or Platinum tier with more than 5% of the portfolio; SMB = Basic, Bronze or Silver with at most 5%. Side by side: lifetime value (LTV), health score (1–5), churn risk, RFM score (1–5), account age and days since last activity.\nUse `cut=` for another portfolio share (0–1). For the customers to call, use /priority segment=HV.',
  'command.value-segments.option.cut':
    'portfolio_contribution_pct above which Gold/Platinum is high value, at or below which Basic/Bronze/Silver is SMB (default {value})',
  'value.takeaway':
    "{hv} high-value customers ({share} of all) are each worth {ratio} an SMB customer's lifetime value, with churn risk {hvChurn} against {smbChurn}.",
  'value.takeawayOneSided':
    '{hv} high-value and {smb} SMB customers: with one group empty there is nothing to compare.',
  'value.tableTitle': 'High value against SMB (averages)',
  'value.columns': 'Average|High value|SMB',
  'value.row.customers': 'Customers',
  'value.row.healthScale': '{heading} (1–5)',
  'value.nextStep': 'To act on them: /priority segment=HV lists the high-value customers to call first.',
  'value.population': 'customers',
  'value.ageDays': 'Account age',
  'value.idleDays': 'Days since last activity',
  'value.title': 'Value segments — high value vs SMB',
  'common.ratio': '{value}×',

  // ── /conversion-cohort ──
  'command.conversion-cohort.summary':
    'Customers sold quickly but kept waiting for support while still engaged, and the red / yellow / green zones',
  'command.conversion-cohort.help':
    'Answers "which engaged customers did we hand off too slowly, and who is at risk now?": customers who went from marketing to sales in 10–20 days but waited more than 30 days for support while their engagement stayed above average, named with their zone and next action (red zone: intervene within 48 hours).\n`zones` answers "who is in the red zone, and why?" for every customer: the zone score (0–100) from engagement velocity, activity risk level and engagement, red below 50.',
  'cohort.takeaway':
    '{size} engaged customers were sold quickly but waited over {days} for support — {red} of them are in the red zone now.',
  'cohort.empty': 'No customer fits the slow hand-off pattern (of {joined} with activity and funnel data).',
  'cohort.unavailable': 'The slow hand-off cohort cannot be formed: {reason}.',
  'cohort.accountsTitle': 'Act on these first (red zone first, then the lowest zone score)',
  'cohort.why': '{zone}, waited {waited} for support',
  'cohort.zoneWithScore': '{zone} (zone score {score})',
  'cohort.noneQualify': 'None qualify: no customer is in the cohort.',
  'cohort.zonesTableTitle': 'Zones: the cohort against every customer',
  'cohort.zonesColumns': 'Zone|Cohort|Share|Everyone|Share',
  'cohort.population': 'customers in the cohort',
  'cohort.csv.columns':
    'email|organisation|zone|zone score (0-100)|marketing to sales (days)|sales to support (days)|tier|lifetime value (funnel table)|next action',
  'zones.takeaway':
    '{red} customers are in the red zone ({share} of those with a zone): intervene within 48 hours, starting with {who}.',
  'zones.noRed': 'No customer is in the red zone ({zoned} with a zone).',
  'zones.none': 'No customer could be given a zone: {reason}.',
  'zones.accountsTitle': 'Red zone, lowest zone score (0–100) first',
  'zones.noAccounts': 'None qualify: no customer is in the red zone.',
  'zones.tableTitle': 'Zones: every customer',
  'zones.columns': 'Zone|Customers|Share|What to do',
  'zones.population': 'customers',
  'zones.fallbackNote':
    'Zones come from the value table ({reason}): red means the lowest 10% by churn risk and health score.',
  'zones.noZone': 'no zone',
  'zones.csv.columns': 'email|organisation|zone score (0-100)|why red|next action',

  // ── /radar ──
  'command.radar.summary': 'What Radar can answer, and a health check of the warehouse (`/radar doctor`)',
  'command.radar.help':
    'Lists the commands, or with `doctor` reports the warehouse tables, columns, row counts, duplication and data date.',
  'command.radar.word.doctor': 'check the warehouse and say which commands can run',
  'radar.title': 'Radar — customer analytics in Slack',
  'radar.takeaway': 'Radar answers these questions; start with /priority to see whom to call first.',
  'radar.context': 'Add help to any command for examples, e.g. /priority help.',
  'radar.headline': 'Ask any of these; each answer says what it was computed on.',

  // ── /radar doctor ──
  'doctor.problem.missingTable': 'table {table} is missing',
  'doctor.problem.lacks': '{table} lacks {columns}',
  'doctor.problem.empty': '{table} is empty',
  'doctor.problem.numberless': '{table} has no numbers in {columns}',
  'doctor.reasonWithFallback': '{problem}: {fallback}',
  'doctor.runnable.yes': 'yes',
  'doctor.runnable.with fallback': 'with fallback',
  'doctor.runnable.no': 'no',
  'doctor.headline': '{present} of {total} tables present; data date *{date}*. {commands}',
  'doctor.dateUnknown': 'unknown',
  'doctor.allRun': 'Every command can run.',
  'doctor.blocked': '{n, plural, one {# command} other {# commands}} cannot run: {list}.',
  'doctor.title': 'Warehouse check — {file}',
  'doctor.tables': 'Tables',
  'doctor.tableColumns': 'Table|Rows|Columns|Keys|Keys on several rows|Data date',
  'doctor.missing': 'missing',
  'doctor.maxRows': '{n} (max {max})',
  'doctor.columnsTitle': 'Columns and values',
  'doctor.speed': 'Speed',
  'doctor.commands': 'Commands',
  'doctor.commandColumns': 'Command|Can run|Why',
  'doctor.cacheMissing':
    'Snapshot cache: not built for this export yet, so commands read the warehouse directly (same numbers, slower on large exports). `radar serve` builds it in the background; `radar prepare` builds it now.',
  'doctor.cacheReady':
    "Snapshot cache: ready (built {at} UTC in {seconds} s); commands read each customer's latest rows from it.",
  'doctor.col.missing': '{table}: missing {n, plural, one {# column} other {# columns}}: {columns}',
  'doctor.col.numberless': '{table}: not one value reads as a number in {columns} (text or empty in every row)',
  'doctor.col.cast': '{table}: numbers stored as TEXT in {columns} (cast on read; unreadable values counted)',
  'doctor.col.snapshot':
    '{table}: {rows, plural, one {# row} other {# rows}} without a key, {unparseable, plural, one {# unparseable timestamp} other {# unparseable timestamps}}, {missing, plural, one {# missing timestamp} other {# missing timestamps}}',
  'doctor.col.other': 'Other tables (not read): {tables}',
  'doctor.col.allGood': 'Every expected column is present and typed as expected.',
  'doctor.merged.email':
    '{table}: {n, plural, one {# email} other {# emails}} differed only by case or surrounding spaces (each read as one customer)',
  'doctor.merged.id':
    '{table}: {n, plural, one {# id} other {# ids}} differed only by surrounding spaces or number-vs-text storage (each read as one key)',
  'command.customer.fallback.customer': 'lookup by email and organisation only',
  'command.customer.fallback.mapping': 'customer360_id lookup through customer rows only',
  'command.investment-mismatch.fallback.value':
    'the ROI, cell, onboarding and team-size parts that need a missing column say so',
  'command.investment-mismatch.fallback.mapping': 'value rows whose email has no customer row stay without sales',
  'command.value-segments.fallback.funnel':
    'without funnel rows, consistency and velocity come from proxies on the value table',
  'command.conversion-cohort.fallback.activity': 'zones fall back to the value table',

  // ── Option values as help shows them (syntax-only ones such as red|yellow|green are shown as typed) ──
  'command.segment-anomalies.allowed.threshold': 'a number between 0 and 1 (exclusive)',
  'command.segment-anomalies.allowed.segment': 'a profitability_segment, e.g. Premium or "High Value"',
  'command.segment-anomalies.allowed.seed': 'a whole number from 0 to 2147483647',
  'command.priority.allowed.tier': 'a customer_tier, e.g. Gold',
  'command.priority.allowed.stage': 'a lifecycle_stage, e.g. Retention',
  'command.priority.allowed.rfm_weight': 'a number from 0 to 1',
  'command.priority.allowed.health_weight': 'a number from 0 to 1',
  'command.priority.allowed.churn_weight': 'a number from 0 to 1',
  'command.priority.allowed.drop': 'a number above 0, at most 1',
  'command.value-segments.allowed.cut': 'a fraction between 0 and 1 (0.05 = 5%)',
  'command.conversion-cohort.allowed.m2s_min': 'a number of days from 0 to 3650',
  'command.conversion-cohort.allowed.m2s_max': 'a number of days from 0 to 3650',
  'command.conversion-cohort.allowed.s2s_above': 'a number of days from 0 to 3650',
  'command.conversion-cohort.allowed.composite_above': 'mean or a number',
  'command.conversion-cohort.allowed.red_below': 'a score from 0 to 100',
  'command.conversion-cohort.allowed.green_above': 'a score from 0 to 100',
  'command.conversion-cohort.allowed.fallback_red': 'a number between 0 and 1 (exclusive)',
  'command.conversion-cohort.allowed.fallback_yellow': 'a number between 0 and 1 (exclusive)',
  'command.investment-mismatch.allowed.top': 'a share between 0 and 1',
  'command.investment-mismatch.allowed.bottom': 'a share between 0 and 1',
  'command.investment-mismatch.allowed.w_sales': 'a weight from 0 to 1',
  'command.investment-mismatch.allowed.w_adoption': 'a weight from 0 to 1',
  'command.investment-mismatch.allowed.w_support': 'a weight from 0 to 1',
  'command.investment-mismatch.allowed.min_cell': 'a whole number from 1',
  'command.investment-mismatch.allowed.industry': 'an industry_vertical, e.g. Technology',
  'command.investment-mismatch.allowed.size': 'a company_size_tier, e.g. Enterprise',
  'command.conversion-cohort.word.zones': 'show red/yellow/green zone counts for every customer and list the reds',
  'command.conversion-cohort.option.m2s_min':
    'lowest marketing_to_sales_days in the cohort, inclusive (default {value})',
  'command.conversion-cohort.option.m2s_max':
    'highest marketing_to_sales_days in the cohort, inclusive (default {value})',
  'command.conversion-cohort.option.s2s_above': 'sales_to_support_days must be strictly above this (default {value})',
  'command.conversion-cohort.option.composite_above':
    'composite_engagement_score must be strictly above this (default: the mean over all latest activity rows)',
  'command.conversion-cohort.option.red_below': 'zone score below which a customer is red (default {value})',
  'command.conversion-cohort.option.green_above': 'zone score above which a customer is green (default {value})',
  'command.conversion-cohort.option.fallback_red':
    'fallback method: red when cume_dist(score) is at or below this (default {value})',
  'command.conversion-cohort.option.fallback_yellow':
    'fallback method: yellow when cume_dist(score) is at or below this (default {value})',
  'command.conversion-cohort.option.reds': 'how many red customers the zones view lists (default {value})',

  // ── Zone distribution chart (/conversion-cohort, digests) ──
  'chart.zones.label.red': 'Red zone',
  'chart.zones.label.yellow': 'Yellow zone',
  'chart.zones.label.green': 'Green zone',
  'chart.zones.allCustomers': 'All customers',
  'chart.zones.theCohort': 'The cohort',
  'chart.zones.everyCustomer': 'every customer',
  'chart.zones.everyCustomerFallback': 'every customer (fallback)',
  'chart.zones.titleCompared': '{focusShare} of {focus} are in the red zone, vs {allShare} of all customers',
  'chart.zones.title':
    '{count} {red, plural, one {customer} other {customers}} ({share}) in the red zone: intervene within 48 hours',
  'chart.zones.groupWithZone': '{group} ({count} with a zone)',
  'chart.zones.subtitleCompared': 'Solid: {solid}; pale: {pale}; zones by {method}',
  'chart.zones.subtitle': '{scope}, {count} with a zone; zones by {method}',
  'chart.zones.noZone': '{count} customers without a zone (missing inputs) not shown',
  'chart.zones.axisShare': 'Share of the group (%)',
  'chart.zones.axisCount': 'Customers (count)',

  // ── Cohort LTV chart (/conversion-cohort) ──
  'chart.ltv.median': 'Typical (median) cohort customer',
  'chart.ltv.mean': 'Cohort mean',
  'chart.ltv.tier': '{tier} (n {n})',
  'chart.ltv.label': '{pct} ({money})',
  'chart.ltv.below': '{money} below',
  'chart.ltv.above': '{money} above',
  'chart.ltv.titlePlain': 'Cohort LTV against the same tier',
  'chart.ltv.titleSplit':
    "The typical cohort customer's LTV is {median} their tier's mean; a few large accounts move the mean {direction, select, down {down} other {up}}",
  'chart.ltv.title': "Cohort customers' LTV sits {median} their tier's mean (median customer)",
  'chart.ltv.subtitle':
    '{n} cohort customers with a tier and a lifetime value (LTV), each against the mean of every customer in the same tier',
  'chart.ltv.subtitle2': 'Per customer: median {median}, mean {mean}; pale = fewer than {small} in the cohort',
  'chart.ltv.axis': 'Difference from the tier mean (% of the tier mean)',

  // ── Segment anomalies charts (/segment-anomalies) ──
  'chart.anomaly.above': 'Anomaly: above segment mean',
  'chart.anomaly.below': 'Anomaly: below segment mean',
  'chart.anomaly.normal': 'Normal',
  'chart.anomaly.shortAbove': 'above segment mean',
  'chart.anomaly.shortBelow': 'below segment mean',
  'chart.anomaly.shortNormal': 'normal',
  'chart.retention.title':
    "{anomalies} of {n} customers ({share}) retain more than {points} points away from their segment's mean",
  'chart.retention.subtitle': "All {n} customers by profitability segment; dot = one customer's retention probability",
  'chart.retention.band': 'Grey band = segment mean (black line) ± {points} points{sampled}',
  'chart.retention.sampled': '; {shown} of {n} shown, sampled per group ({groups})',
  'chart.retention.sampledGroup': '{shown} of {total} {group}',
  'chart.retention.xAxis': 'Profitability segment (highest mean retention first)',
  'chart.retention.yAxis': 'Retention probability (%)',
  'chart.retention.alt': '{anomalies} of {n} customers retain more than {threshold} from their segment mean.',

  // ── Investment mismatch heatmap (/investment-mismatch) ──
  'chart.mismatch.titleNoCell':
    'No industry × size cell has {min}+ top-priority customers; {overall} are mismatched overall',
  'chart.mismatch.titleWorst':
    '{industry} × {size} is the most mismatched: {rate} of {n} top-priority customers vs {overall} overall',
  'chart.mismatch.titleNone':
    'No industry × size cell with {min}+ top-priority customers exceeds the {overall} overall mismatch rate',
  'chart.mismatch.subtitle':
    'Top-priority customers (top 30%) with an industry and size, n = {n}; cell = share mismatched (bottom half on performance) and n',
  'chart.mismatch.subtitle2': 'Colour centred on the top-group rate {overall}; {small}',
  'chart.mismatch.xAxis': 'Company size',
  'chart.mismatch.legend': 'Share mismatched',
  'chart.mismatch.alt': '{title}. Grey cells have fewer than {min} top-priority customers.',

  // ── Value segments charts (/value-segments) ──
  'chart.value.population':
    'High-value (HV: Gold/Platinum, > 5% of portfolio) vs SMB customers, n = {hv} HV, {smb} SMB',
  'chart.value.recency': 'Recency',
  'chart.value.frequency': 'Frequency',
  'chart.value.monetary': 'Monetary',
  'chart.value.rfm': 'RFM composite',
  'chart.value.rfmTitle': 'High-value customers score {hv} vs {smb} for SMB on RFM (1–5)',
  'chart.value.rfmTitlePlain': 'RFM scores of high-value and SMB customers',
  'chart.value.rfmAlt':
    'Grouped bars of mean recency, frequency, monetary and RFM composite scores for high-value and SMB customers.',
  'chart.value.rfmSubtitle': 'Mean recency, frequency and monetary scores (1–5); RFM composite = mean of the three',
  'chart.value.meanScore': 'Mean score (1–5)',
  'chart.value.segment': 'Segment',

  // ── Segment anomaly features (short names on charts) ──
  'feature.short.months': 'Months',
  'feature.short.expectedTransactions': 'Expected tx',
  'feature.short.consistencyError': 'Consistency err',
  'feature.short.q1Share': 'Q1 share',
  'feature.short.q2Share': 'Q2 share',
  'feature.short.q3Share': 'Q3 share',
  'feature.short.q4Share': 'Q4 share',
  'feature.short.imbalance': 'Imbalance',
  'feature.short.shareStd': 'Share std',
  'feature.short.entropy': 'Entropy',
  'feature.short.quarterCv': 'Quarter CV',
  'feature.short.volatility': 'Volatility',
  'feature.short.valueMismatch': 'Value mismatch',
  'feature.short.revenuePerPoint': 'Revenue/point',

  // ── Anomaly-rate charts (/segment-anomalies) ──
  'chart.rate.all': 'All customers',
  'chart.rate.text': '{rate} ({anomalies} of {n})',
  'chart.rate.axis': 'Anomaly rate (% of customers)',
  'chart.rate.stageTitle': '{stage} customers are the most often anomalous: {rate} of {n} vs {overall} of all',
  'chart.rate.stageTitleNone': 'No lifecycle stage has {small}+ customers; {overall} of all are anomalous',
  'chart.rate.stageSubtitle':
    'All {n} customers by lifecycle stage; anomalous = retention more than {points} points from the segment mean',
  'chart.rate.whisker': 'Whisker = 95% interval; pale = fewer than {small} customers; grey = all',
  'chart.rate.stageAlt': '{stage} has the highest anomaly rate, {rate} of {n} customers.',
  'chart.rate.noStages': 'No stages.',
  'chart.rate.stageAxis': 'Lifecycle stage',
  'chart.rate.ruleAnd': '{risky} and',
  'chart.rate.ruleTitle': '{risky}: {rate} anomalous vs {other} on the other side',
  'chart.rate.ruleSubtitle':
    'All {n} customers with {feature}, split by the rule that best separates anomalies{second, select, yes { (and a second split inside the riskier side)} other {}}',
  'chart.rate.ruleAlt': '{group}: {rate} of {n} customers are anomalies.',

  // ── Mismatched vs the rest chart (/investment-mismatch) ──
  'chart.mismatch.group.mismatched': 'Mismatched',
  'chart.mismatch.group.other-top': 'Other top-priority',
  'chart.vsrest.trail': 'Mismatched top-priority customers trail on {metric}: {mismatched} vs {rest}',
  'chart.vsrest.noTrail': 'Mismatched top-priority customers do not trail on {metrics}',
  'chart.vsrest.or': '{first} or {second}',
  'chart.vsrest.sales': '; mean {sales} {mismatched} vs {rest}',
  'chart.vsrest.subtitle': 'Top 30% by {score}: {mismatched} mismatched vs the other {rest}',
  'chart.vsrest.subtitle2': 'Mean per customer{sales}',
  'chart.vsrest.axis': 'Mean (%)',
  'chart.vsrest.altItem': '{metric}: mismatched {mismatched}, other top-priority {rest}',

  // ── Cohort channel chart (/conversion-cohort) ──
  'chart.channel.cohort': 'Cohort',
  'chart.channel.all': 'All customers',
  'chart.channel.other': 'Other ({n} channels)',
  'chart.channel.label': '{share} ({n})',
  'chart.channel.noChannel': 'No channel',
  'chart.channel.titleTop': "{channel} is the cohort's most common channel: {share}",
  'chart.channel.titleSame': "The cohort's channel mix mirrors all customers: every share within {points} points",
  'chart.channel.titleDiff':
    '{channel} is {more, select, yes {more} other {less}} common in the cohort: {cohort} vs {all} of all customers',
  'chart.channel.subtitleCompared': 'Activity-table engagement channel: the cohort ({n}) vs all customers ({all})',
  'chart.channel.subtitle': 'Activity-table engagement channel of the {n} cohort customers',
  'chart.channel.missing': '{missing} of {n} without a channel not shown',
  'chart.channel.axis': 'Share of the group (%)',
  'chart.value.churnTitle': 'Median {churn}: {hv} for high-value vs {smb} for SMB customers',
  'chart.value.churnTitlePlain': '{churn} by segment',
  'chart.value.churnAxis': 'Churn risk (%)',
  'chart.value.churnAlt': 'Box plots of churn probability for high-value, SMB and other customers.',
  'chart.value.churnSubtitle': '{n} customers with a churn risk, by segment (Other = neither HV nor SMB)',
  'chart.value.box': 'Box = middle half, line = median, whiskers = min–max',
  'chart.value.other': 'Other',
  'chart.scatter.r': 'r = {r} (n = {n})',
  'chart.scatter.rMissing': 'r not available ({why, select, constant {a constant column} other {too few rows}})',
  'chart.scatter.sampledGroup': '{shown} of {total} {group}',
  'chart.scatter.sampled': 'Points: {groups} (sampled per segment); line fitted on all',
  'chart.scatter.title':
    'Lifetime value {rises, select, yes {rises} other {barely rises}} with the RFM score (r = {r}); high-value customers sit at the top right',
  'chart.scatter.titlePlain': 'Lifetime value against the RFM score',
  'chart.scatter.alt': 'Scatter of RFM composite against LTV coloured by segment, with a least-squares line; {r}.',
  'chart.scatter.subtitle': 'All {n} customers with both values; {r}; dashed line = straight-line fit',
  'chart.scatter.x': 'RFM composite (mean of R, F, M; 1–5)',
  'chart.scatter.y': 'Lifetime value (LTV, $)',

  // ── Onboarding scatter (/investment-mismatch) ──
  'chart.onboarding.tooFew': 'Too few top-priority customers to relate onboarding and adoption',
  'chart.onboarding.better':
    'Better onboarding goes with higher adoption{both, select, yes { in both groups} other {}} (r ≥ {weakest})',
  'chart.onboarding.barely': 'Onboarding barely relates to adoption{both, select, yes { in both groups} other {}}',
  'chart.onboarding.weak': 'Onboarding relates only weakly to adoption (r {rs})',
  'chart.onboarding.and': '{first} and {second}',
  'chart.onboarding.r': 'r = {r} (n = {n})',
  'chart.onboarding.rConstant': 'r undefined (constant)',
  'chart.onboarding.rFew': 'too few rows (n = {n})',
  'chart.onboarding.groupR': '{group} {r}',
  'chart.onboarding.sampledGroup': '{shown} of {total} {group}',
  'chart.onboarding.sampled': 'Points: {groups} (sampled per group); lines fitted on all',
  'chart.onboarding.subtitle': 'Top 30% by priority, n = {n}; correlation {rs}',
  'chart.onboarding.lines': 'Lines: straight-line fit per group',
  'chart.onboarding.x': 'Onboarding score',
  'chart.onboarding.y': 'Product adoption (%)',
  'chart.onboarding.alt': 'Onboarding against adoption for top-priority customers: {rs}.',
  'term.stage.Mature': 'Mature',
  'term.stage.At Risk': 'At Risk',

  // ── Slack surfaces (alerts, digests, App Home) ──
  // Keys under alerts. digest. home. notice. slack. go here (engineer B's block), nothing else does.
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
