/** Every sentence /value-segments shows a CSM, in one place (a later step moves them into a message catalogue). */
export const VALUE_MESSAGES = {
  summary: 'High-value vs SMB customers side by side: lifetime value, health score, churn risk, RFM score and activity',
  help: [
    'Answers "how different are our high-value customers from SMB ones?": high value (HV) = Gold or Platinum tier with more than 5% of the portfolio; SMB = Basic, Bronze or Silver with at most 5%. Side by side: lifetime value (LTV), health score (1–5), churn risk, RFM score (1–5), account age and days since last activity.',
    'Use `cut=` for another portfolio share (0–1). For the customers to call, use /priority segment=HV.',
  ],
  takeaway: (hv: string, share: string, ltvRatio: string, hvChurn: string, smbChurn: string) =>
    `${hv} high-value customers (${share} of all) are each worth ${ltvRatio} an SMB customer's lifetime value, with churn risk ${hvChurn} against ${smbChurn}.`,
  takeawayOneSided: (hv: string, smb: string) =>
    `${hv} high-value and ${smb} SMB customers: with one group empty there is nothing to compare.`,
  tableTitle: 'High value against SMB (averages)',
  nextStep: 'To act on them: /priority segment=HV lists the high-value customers to call first.',
  population: 'customers',
  ageDays: 'Account age',
  idleDays: 'Days since last activity',
} as const;
