import { z } from 'zod';
import type { MessageKey } from '../i18n/translate.js';

/** Charts posted when the user does not say: enough to tell the story, few enough to read in a channel. */
export const DEFAULT_CHART_LIMIT = 3;

/** Options every command takes; `help` is the catalogue key of the description (help is written per language). */
export const COMMON_OPTIONS = {
  charts: { schema: z.enum(['default', 'all', 'none']), allowed: 'default|all|none', description: '' },
  // Validated by parseCommand (takeLanguage), which names the supported languages when it is wrong.
  lang: { schema: z.string(), allowed: 'en|zh', description: '' },
} as const;

/** Words every command takes, with the catalogue key of their description. */
export const COMMON_WORDS: Readonly<Record<string, MessageKey>> = {
  help: 'help.common.help',
  private: 'help.common.private',
  list: 'help.common.list',
};

export const COMMON_OPTION_HELP: Readonly<Record<keyof typeof COMMON_OPTIONS, MessageKey>> = {
  charts: 'help.common.charts',
  lang: 'help.common.lang',
};
