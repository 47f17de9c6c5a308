import type { ZoneMethod, ZoneName } from '../../analysis/zones/zone-rules.js';
import type { ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import type { ChartDefinition } from '../../charts/chart-definition.js';
import type { Locale } from '../../i18n/locale.js';

/** A customer named in the digest. */
export interface DigestCustomer {
  readonly key: string;
  readonly organization: string | null;
}

export interface DigestPriorityRow extends DigestCustomer {
  readonly rank: number;
  readonly priority: number;
  readonly zone: ZoneName | null;
  readonly route: string;
  /** The next action by the one rule (zone first, then route), as every surface says it. */
  readonly action: string;
}

export interface DigestOverdueAlert extends DigestCustomer {
  readonly alertId: number;
  readonly dueAt: number;
  readonly assignee: string | null;
}

/**
 * The weekly digest as data (JSON-serialisable, it travels through the outbox): what analyses.md lists for it.
 * Rendering (Slack blocks, CLI text) happens at delivery.
 */
export interface DigestContent {
  /** ISO week the digest is for, e.g. `2026-W48`. */
  readonly isoWeek: string;
  readonly generatedAt: number;
  /** Data date of the warehouse the figures come from (latest snapshot, UTC). */
  readonly dataDate: string | null;
  /** The recipient's IANA zone and the local time the digest was due (e.g. "Mon 23 Nov 2026, 09:00 EST"). */
  readonly timeZone: string;
  readonly dueLocal: string;
  /** The recipient's language; absent on digests queued before Radar wrote in more than English. */
  readonly locale?: Locale;
  readonly zones: {
    readonly method: ZoneMethod;
    readonly counts: Readonly<Record<ZoneName, number>>;
    readonly noZone: number;
    readonly n: number;
  };
  /** Change since this recipient's previous digest; null for the first one. */
  readonly change: {
    readonly sinceWeek: string;
    readonly counts: Readonly<Record<ZoneName, number>>;
    readonly newRed: readonly DigestCustomer[];
    readonly recovered: readonly DigestCustomer[];
  } | null;
  readonly topPriority: readonly DigestPriorityRow[];
  readonly alerts: {
    readonly open: number;
    readonly acknowledged: number;
    readonly snoozed: number;
    readonly overdue: number;
    readonly overdueList: readonly DigestOverdueAlert[];
  };
  readonly interventions: {
    /** Logged in the 7 days before the digest. */
    readonly loggedThisWeek: number;
    readonly customersThisWeek: number;
    /** Customers with a first intervention in the 28 days before the digest... */
    readonly customersLast28Days: number;
    /** ...and how many of them left red within 14 days of it. */
    readonly leftRedWithin14Days: number;
    /** Left red within 14 days, but the zone thresholds changed in between: not counted above (absent = none). */
    readonly leftRedAfterThresholdChange?: number;
  };
  /** Zone-threshold changes in the 7 days before the digest, marked in it (absent = none). */
  readonly thresholdChanges?: readonly {
    readonly changedBy: string;
    readonly changedAt: number;
    readonly before: ZoneThresholds;
    readonly after: ZoneThresholds;
  }[];
  /** One line from §5 (/segment-anomalies), or why it is not available. */
  readonly segmentAnomalies: string;
  readonly charts: readonly ChartDefinition[];
  /** The red customers now (stored with the digest for next week's change). */
  readonly redKeys: readonly string[];
}
