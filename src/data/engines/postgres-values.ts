import pg from 'pg';

/**
 * How a Postgres value becomes a replica value: every column type is parsed from its text form here, so nothing
 * reaches SQLite as a Date or an object, and text stays text exactly as stored. Numbers that a double cannot hold
 * without loss stay text (SQLite would round them).
 */
const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  float4: 700,
  float8: 701,
  numeric: 1700,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

const identity = (text: string): string => text;

function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

function parseNumeric(text: string): number | string {
  if (!/^[-+]?\d*\.?\d*$/.test(text)) return Number.isNaN(Number(text)) ? text : Number(text);
  // Up to 15 significant digits survive a double exactly.
  const significant = text.replace(/[-+.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return significant.length <= 15 ? Number(text) : text;
}

/** `2026-11-20 09:00:00+01` → `2026-11-20T09:00:00+01:00`; BC dates and infinity stay as Postgres wrote them. */
function parseTimestamp(text: string): string {
  const match = /^(\d{4,}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})?(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(
    text,
  );
  if (match === null) return text;
  const [, date, time, offsetHours, offsetMinutes, offsetSeconds] = match;
  if (offsetHours === undefined) return `${date}T${time}`;
  return `${date}T${time}${offsetHours}:${offsetMinutes ?? '00'}${offsetSeconds === undefined ? '' : `:${offsetSeconds}`}`;
}

export const replicaTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    switch (oid) {
      case OID.bool:
        return (text: string) => (text === 't' ? 1 : 0);
      case OID.int8:
        return parseInt8;
      case OID.int2:
      case OID.int4:
      case OID.oid:
      case OID.float4:
      case OID.float8:
        return (text: string) => Number(text);
      case OID.numeric:
        return parseNumeric;
      case OID.timestamp:
      case OID.timestamptz:
        return parseTimestamp;
      default:
        return identity;
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};
