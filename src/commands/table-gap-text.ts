import type { TableGap } from '../analysis/table-gap.js';
import type { Translate } from '../i18n/translate.js';

/** Why a table could not be used, in the reader's language; tables and columns keep the warehouse's spelling. */
export function tableGapText(t: Translate, gap: TableGap): string {
  switch (gap.code) {
    case 'no-table':
      return t('tableGap.noTable', { table: gap.table });
    case 'missing-columns':
      return t('tableGap.missingColumns', { table: gap.table, columns: gap.columns.join(', ') });
    case 'no-rows':
      return t('tableGap.noRows', { table: gap.table });
    case 'no-keyed-rows':
      return t('tableGap.noKeyedRows', { table: gap.table, key: gap.key });
  }
}
