import stringWidth from 'string-width';

/**
 * Terminal columns a string takes, as string-width counts them (East Asian Wide and Fullwidth characters and
 * emoji take two, combining marks and zero-width characters none, a grapheme cluster is measured once). The one
 * measure of text width for text tables and label shortening; chart pixel widths come from the fonts instead.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
