import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/commands/present-text.js';
import { displayWidth } from '../../src/format/display-width.js';

describe('text tables with international names', () => {
  it('line columns up by display width: CJK and fullwidth take two columns, combining marks none', () => {
    const lines = formatTable({
      columns: ['Organisation', 'Contact', 'Priority'],
      align: ['left', 'left', 'right'],
      rows: [
        ['北京星辰科技有限公司', '王芳', '0.912'],
        ['株式会社サクラ', 'ＳＡＴＯ', '0.871'],
        ['한빛소프트', '김민준', '0.8'],
        ['Zoe\u0308 GmbH', 'Иван Волков', '0.75'],
      ],
    });
    // Widths worked out by hand: 北京星辰科技有限公司 = 10 × 2 = 20 columns; the header is 12.
    expect(displayWidth('北京星辰科技有限公司')).toBe(20);
    expect(displayWidth('Zoe\u0308 GmbH')).toBe(8);
    expect(displayWidth('ＳＡＴＯ')).toBe(8);
    // Every line is equally wide on a terminal (right-aligned last column), and the contact column starts at
    // column 2 + 20 + 2 = 24 on every row.
    expect(lines.map((line) => stringWidth(line))).toEqual(Array(6).fill(2 + 20 + 2 + 11 + 2 + 8));
    const contacts = ['王芳', 'ＳＡＴＯ', '김민준', 'Иван Волков'];
    expect(lines.slice(2).map((line, i) => stringWidth(line.slice(0, line.indexOf(contacts[i] as string))))).toEqual(
      Array(4).fill(24),
    );
  });
});
