/** Every sentence of the threshold button and modal, in one place (issue 16 moves them into the catalogue). */
export const RULES_SLACK_MESSAGES = {
  editButton: 'Edit thresholds',
  editOffer: 'You can change these thresholds (RADAR_ADMINS): the modal shows a backtest before you save.',
  modalTitle: 'Zone thresholds',
  modalSubmit: 'Save',
  modalClose: 'Cancel',
  previewButton: 'Preview',
  intro: (inForce: string) =>
    `*In force:* ${inForce}\nChange a value and press *Preview* for the backtest on the export's weekly snapshots; *Save* applies it from the next scan and tells the alert channel.`,
  previewEmpty: '_Press Preview to compare the rules in force with these values._',
  previewWorking: '_Computing the backtest…_',
  previewFailed: (why: string) => `:warning: ${why}`,
  labels: {
    redBelow: 'Red below (zone score, 0–100)',
    greenAbove: 'Green above (zone score, 0–100)',
    fallbackRedCumeDist: 'Fallback red: lowest share (0.01–0.99)',
    fallbackYellowCumeDist: 'Fallback yellow: lowest share (0.01–0.99)',
  },
  hintActivity: 'Activity method: used whenever the activity table has rows (the usual case).',
  hintFallback: 'Value-table fallback: used only when the activity table is empty.',
  notAdmin:
    'Only the people in RADAR_ADMINS can change the zone thresholds. Ask one of them, or an operator to add you.',
  notAdminField: 'Only the people in RADAR_ADMINS can save thresholds; nothing was saved.',
  unchanged: 'Those are the thresholds in force already: nothing to save.',
  noState: 'Thresholds live in Radar’s alert state, and alerts are off (RADAR_ALERT_CHANNEL is unset).',
} as const;
