import { displayWidth } from '../format/display-width.js';

/**
 * Label shortening for category names. Widths are in display columns, as a terminal counts
 * them: CJK ideographs, kana, Hangul and fullwidth forms take two columns, so "华东区" (6)
 * is about as wide in Noto Sans as "Region" (6). Text is split into grapheme clusters, so an
 * ellipsis never cuts an emoji or a combining accent in half.
 */
export const ELLIPSIS = '…';

/** Separator for multi-line labels: join wrapLabel() lines with it and use WRAPPED_LABEL_EXPR on the axis. */
export const LABEL_LINE_BREAK = '\n';

/** Axis `labelExpr` that draws a value joined with LABEL_LINE_BREAK as several lines. */
export const WRAPPED_LABEL_EXPR = "split(datum.label, '\\n')";

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** Display columns of one grapheme cluster (string-width, as text tables measure it). */
const graphemeWidth = displayWidth;

export { displayWidth };

/** Splits text after the last grapheme that fits in `maxWidth` columns. */
function splitAtWidth(text: string, maxWidth: number): [head: string, rest: string] {
  const parts = graphemes(text);
  let head = '';
  let width = 0;
  let index = 0;
  for (; index < parts.length; index++) {
    const part = parts[index] ?? '';
    if (width + graphemeWidth(part) > maxWidth) break;
    head += part;
    width += graphemeWidth(part);
  }
  return [head, parts.slice(index).join('')];
}

/** Shortens text to at most `maxWidth` columns, ending with an ellipsis when anything was cut. */
export function truncateLabel(text: string, maxWidth: number): string {
  const trimmed = text.trim();
  if (displayWidth(trimmed) <= maxWidth) return trimmed;
  const [head] = splitAtWidth(trimmed, maxWidth - displayWidth(ELLIPSIS));
  return `${head.trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into pieces a line may break between: spaces, words of narrow characters, and
 * every wide character on its own (CJK may break between any two characters). Words wider
 * than a line are cut into line-sized pieces.
 */
function breakablePieces(text: string, maxWidth: number): string[] {
  const pieces: string[] = [];
  let word = '';
  const flushWord = () => {
    let rest = word;
    while (rest !== '') {
      const [head, tail] = splitAtWidth(rest, Math.max(1, maxWidth));
      const piece = head === '' ? (graphemes(rest)[0] ?? rest) : head;
      pieces.push(piece);
      rest = head === '' ? rest.slice(piece.length) : tail;
    }
    word = '';
  };
  for (const grapheme of graphemes(text)) {
    if (grapheme === ' ' || graphemeWidth(grapheme) === 2) {
      flushWord();
      pieces.push(grapheme);
    } else {
      word += grapheme;
    }
  }
  flushWord();
  return pieces;
}

/**
 * Greedy wrap to at most `maxLines` lines of at most `maxWidth` columns; when text is left
 * over, the last line is truncated with an ellipsis.
 */
export function wrapLabel(text: string, maxWidth: number, maxLines = 2): string[] {
  const pieces = breakablePieces(text.trim().replace(/\s+/gu, ' '), maxWidth);
  const lines: string[] = [];
  let line = '';
  let lineStart = 0;
  for (const [index, piece] of pieces.entries()) {
    if (line === '' && piece === ' ') continue;
    if (piece === ' ' || displayWidth(`${line}${piece}`.trimEnd()) <= maxWidth) {
      line += piece;
      continue;
    }
    if (lines.length === maxLines - 1) {
      return [...lines, truncateLabel(pieces.slice(lineStart).join(''), maxWidth)];
    }
    lines.push(line.trim());
    line = piece;
    lineStart = index;
  }
  if (line.trim() !== '') lines.push(line.trim());
  return lines;
}
