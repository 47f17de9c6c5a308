import type { AnyCommandDefinition } from './command-definition.js';
import { conversionCohortCommand } from './conversion-cohort.js';
import { customerCommand } from './customer.js';
import { investmentMismatchCommand } from './investment-mismatch.js';
import { priorityCommand } from './priority.js';
import { createRadarCommand } from './radar-command.js';
import { segmentAnomaliesCommand } from './segment-anomalies.js';
import { valueSegmentsCommand } from './value-segments.js';

/** Every slash command Radar answers, in the order help lists them. The CLI and Slack both read this. */
export const COMMANDS: readonly AnyCommandDefinition[] = [
  segmentAnomaliesCommand,
  priorityCommand,
  valueSegmentsCommand,
  customerCommand,
  conversionCohortCommand,
  investmentMismatchCommand,
  createRadarCommand(() => COMMANDS),
];
