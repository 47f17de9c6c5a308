import { cleanEmail, parseInstant } from '../cleaning-rule.js';
import { type ColumnKind, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { DAY_MS, formatDate } from './demo-clock.js';
import type { SqlValue } from './demo-schema.js';

/**
 * The `international` demo: the full demo as an international team's export writes it. Each row the generator
 * builds is rewritten on its way into the file, deterministically:
 * - emails get Cyrillic, Latin-extended, Chinese, Japanese or Korean local parts (and matching domains), one
 *   customer always the same address; rows the generator wrote messy are written in Unicode upper or title case
 *   and wrapped in Unicode spaces (U+3000, U+00A0, U+2003, tab);
 * - person and organisation names are Chinese, Japanese, Korean, Cyrillic or Latin-extended;
 * - snapshot timestamps move 47 days later (the data date becomes 2027-01-02, just past New Year) and most are
 *   written with a UTC offset (+08:00, +05:30, -05:00) naming the same instant, some as a bare date when the
 *   instant is midnight UTC;
 * - category labels are sometimes padded with ideographic spaces (U+3000).
 * Every rewrite keeps what the cleaning rule reads: a customer stays one customer, an instant stays that instant
 * (plus the shift) and a label stays its label, so the numbers equal those of a plain-ASCII export of the same rows.
 */

export const INTERNATIONAL_SHIFT_MS = 47 * DAY_MS;

const SCRIPTS = [
  {
    // Cyrillic: case folds both ways (Ё/ё included).
    names: ['иван.волков', 'ольга.смирнова', 'дмитрий.ёлкин', 'мария.кузнецова', 'алексей.попов'],
    domain: 'почта.рф',
    people: ['Иван Волков', 'Ольга Смирнова', 'Дмитрий Ёлкин', 'Мария Кузнецова', 'Алексей Попов'],
    organizations: ['ООО «Северный Ветер»', 'АО Техносфера', 'ГК Волга-Софт'],
  },
  {
    // Latin-extended, avoiding letters whose case does not round-trip (ß, ı, final sigma).
    names: ['zoë.müller', 'łukasz.żółw', 'søren.ørsted', 'josé.núñez', 'gülşen.öztürk'],
    domain: 'beispiel.de',
    people: ['Zoë Müller', 'Łukasz Żółw', 'Søren Ørsted', 'José Núñez', 'Gülşen Öztürk'],
    organizations: ['Müller & Söhne GmbH', 'Ørsted Lösninger A/S', 'Compañía Núñez S.A.'],
  },
  {
    names: ['王芳', '李伟', '张静', '陈杰', '刘洋'],
    domain: '例子.中国',
    people: ['王芳', '李伟', '张静', '陈杰', '刘洋'],
    organizations: ['深圳云帆科技有限公司', '北京星辰数据有限公司', '上海蓝海贸易有限公司'],
  },
  {
    // 𠮷 (U+20BB7) is outside the BMP: a surrogate pair in UTF-16, so code-point and code-unit order differ.
    names: ['さくら.たなか', '山田太郎', '𠮷田花子', 'ｓａｔｏ', 'はると'],
    domain: '例え.jp',
    people: ['田中さくら', '山田太郎', '𠮷田花子', '佐藤健', '高橋陽翔'],
    organizations: ['株式会社サクラ', '山田商事株式会社', '合同会社ヒカリ'],
  },
  {
    names: ['김민준', '이서연', '박지호', '최수아', '정도윤'],
    domain: '예시.한국',
    people: ['김민준', '이서연', '박지호', '최수아', '정도윤'],
    organizations: ['한빛소프트 주식회사', '서울데이터', '부산해운 유한회사'],
  },
] as const;

const SPACES = ['\u3000', '\u00a0', '\u2003', '\t', ' '] as const;
const OFFSETS = [
  { text: '+08:00', minutes: 480 },
  { text: '+05:30', minutes: 330 },
  { text: '-05:00', minutes: -300 },
] as const;
const PADDED_LABELS = new Set([
  'customer_tier',
  'lifecycle_stage',
  'industry_vertical',
  'company_size_tier',
  'decision_maker_level',
  'profitability_segment',
  'value_tier',
]);
const NAME_COLUMNS = new Set(['full_name', 'organization_name', 'primary_organization', 'customer_name']);

/** FNV-1a over a string: a stable per-value choice that needs no random stream (so row order cannot change it). */
function hash(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The index digits just before an address's `@` (the demo's customer number), if any. */
function addressDigits(address: string): string | undefined {
  return /(\d+)@/.exec(address)?.[1];
}

/** The script an address with these index digits is written in; undefined for the three in eight that stay ASCII. */
function emailScript(digits: string): (typeof SCRIPTS)[number] | undefined {
  // Three in eight keep their ASCII address: a mixed export, as real ones are.
  return SCRIPTS[hash(digits, 1) % 8];
}

/** The international address of a canonical demo email; addresses without the index digits stay ASCII. */
export function internationalEmail(canonical: string): string {
  const digits = addressDigits(canonical);
  if (digits === undefined) return canonical;
  const script = emailScript(digits);
  if (!script) return canonical;
  const name = script.names[hash(digits, 2) % script.names.length] as string;
  return `${name}${digits}@${script.domain}`;
}

/** The script of a customer's names: its email's script, else (ASCII address or none) a choice of its own. */
function scriptOf(key: string): (typeof SCRIPTS)[number] | undefined {
  const digits = addressDigits(key);
  return (digits === undefined ? undefined : emailScript(digits)) ?? SCRIPTS[hash(key, 3) % (SCRIPTS.length + 1)];
}

/** A messy spelling of a clean address: Unicode upper or title case, wrapped in Unicode spaces. */
function messyEmail(email: string, salt: string): string {
  const h = hash(salt, 4);
  const cased =
    h % 3 === 0
      ? email.toUpperCase()
      : h % 3 === 1
        ? email.replace(/(^|[._@])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase())
        : email;
  const before = SPACES[(h >>> 4) % SPACES.length] as string;
  const after = SPACES[(h >>> 8) % SPACES.length] as string;
  return (h >>> 12) % 3 === 0 ? `${cased}${after}` : `${before}${cased}${after}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The instant written in one of the offsets, as a local time with that offset. */
function withOffset(ms: number, offset: (typeof OFFSETS)[number]): string {
  const local = ms + offset.minutes * 60_000;
  const secondOfDay = Math.floor((local % DAY_MS) / 1000);
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
  return `${formatDate(local)}T${time}${offset.text}`;
}

function internationalTimestamp(raw: SqlValue, salt: string): SqlValue {
  const ms = parseInstant(raw);
  if (ms === null) return raw;
  const shifted = ms + INTERNATIONAL_SHIFT_MS;
  if (shifted % DAY_MS === 0 && hash(salt, 5) % 2 === 0) return formatDate(shifted);
  const choice = hash(salt, 6) % 5;
  const offset = OFFSETS[choice];
  if (offset) return withOffset(shifted, offset);
  return `${formatDate(shifted)} ${new Date(shifted).toISOString().slice(11, 19)}`;
}

/** A row rewriter for one table of the international demo (see the module comment). */
export function internationalRowRewriter(table: TableId): (row: Record<string, SqlValue>) => void {
  const columns = Object.entries(WAREHOUSE_TABLES[table].columns) as [string, ColumnKind][];
  const emailColumns = columns.filter(([, kind]) => kind === 'email').map(([c]) => c);
  const timestampColumns = columns.filter(([, kind]) => kind === 'timestamp').map(([c]) => c);
  const labelColumns = columns.filter(([c]) => PADDED_LABELS.has(c)).map(([c]) => c);
  const nameColumns = columns.filter(([c]) => NAME_COLUMNS.has(c)).map(([c]) => c);
  return (row) => {
    // Choices hang off the row's content, not its position, so a sharded (parallel) build writes the same file.
    const salt = [table, row.customer_id, ...emailColumns.map((c) => row[c]), ...timestampColumns.map((c) => row[c])]
      .map(String)
      .join('#');
    let identity = '';
    for (const column of emailColumns) {
      const raw = row[column];
      const canonical = cleanEmail(raw);
      if (canonical === null) continue;
      identity = canonical;
      const email = internationalEmail(canonical);
      row[column] = raw === canonical ? email : messyEmail(email, `${salt}/${column}`);
    }
    for (const column of timestampColumns)
      row[column] = internationalTimestamp(row[column] ?? null, `${salt}/${column}`);
    for (const column of labelColumns) {
      const value = row[column];
      if (typeof value !== 'string' || hash(`${salt}/${column}`, 7) % 4 !== 0) continue;
      row[column] = hash(salt, 8) % 2 === 0 ? `${value}\u3000` : `\u3000${value}\u3000\u3000`;
    }
    for (const column of nameColumns) {
      const value = row[column];
      if (typeof value !== 'string') continue;
      const script = scriptOf(identity || value);
      if (!script) continue;
      const digits = addressDigits(identity);
      // A person is named as their address reads (иван.волков… is Иван Волков); organisations vary.
      const pick = column === 'full_name' && digits !== undefined ? hash(digits, 2) : hash(identity || value, 9);
      const names = column === 'full_name' ? script.people : script.organizations;
      row[column] = names[pick % names.length] as string;
    }
  };
}
