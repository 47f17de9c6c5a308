import type { AnyCommandDefinition } from './command-definition.js';
import { conversionCohortCommand } from './conversion-cohort/conversion-cohort-command.js';
import { customerCommand } from './customer/customer-command.js';
import { investmentMismatchCommand } from './investment-mismatch/investment-mismatch-command.js';
import { priorityCommand } from './priority/priority-command.js';
import { createRadarCommand } from './radar-command.js';
import { segmentAnomaliesCommand } from './segment-anomalies/segment-anomalies-command.js';
import { valueSegmentsCommand } from './value-segments/value-segments-command.js';

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
