/**
 * How much of what a user typed Radar repeats back (usage errors, "Asked by …", "Working on …"). Slack refuses a
 * reply over its text limits, so echoing a 45,000-character argument meant no reply at all, and an "Asked by"
 * footer repeating a 3,000-character command made the answer impossible to post.
 */
export const ECHO_LIMIT = 100;

/**
 * `text` as typed when it is short; otherwise its first characters, an ellipsis and how long it was. Counts code
 * points, so an emoji or a CJK character is never cut in half.
 */
export function shortEcho(text: string, limit = ECHO_LIMIT): string {
  const codePoints = Array.from(text);
  if (codePoints.length <= limit) return text;
  return `${codePoints.slice(0, limit).join('')}… (${codePoints.length.toLocaleString('en')} characters)`;
}
