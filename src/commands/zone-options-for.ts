import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../analysis/zones/zone-rules.js';
import { zoneOptionsWith } from '../analysis/zones/zone-thresholds.js';
import type { CommandContext } from './command-definition.js';

/** The zone options a command zones customers with: the thresholds in force when Radar runs with state, else the defaults. */
export function zoneOptionsFor(context: Pick<CommandContext, 'zoneThresholds'>): ZoneOptions {
  return context.zoneThresholds === undefined ? DEFAULT_ZONE_OPTIONS : zoneOptionsWith(context.zoneThresholds);
}
