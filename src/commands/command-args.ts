import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { shortEcho } from '../format/short-echo.js';
import type { Locale } from '../i18n/locale.js';
import { type Translate, translator } from '../i18n/translate.js';

export interface OptionSpec<T> {
  readonly schema: z.ZodType<T>;
  /** The allowed values as a person reads them: "1–100", "Basic|Bronze|Silver|Gold|Platinum". */
  readonly allowed: string;
  readonly description: string;
  /** Values the catalogue's description of this option takes (`command.<name>.option.<key>`), e.g. its default. */
  readonly helpValues?: Readonly<Record<string, string | number>>;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec<unknown>>>;

/** What a command accepts besides key=value options: bare words such as `all` or `zones`. */
export interface CommandSyntax {
  readonly slash: string;
  readonly usage: string;
  readonly options: OptionSpecs;
  readonly words?: Readonly<Record<string, string>>;
}

/**
 * The text after a slash command, split into bare words and key=value pairs. Quotes group
 * words ("Acme Corp"); keys are case-insensitive; a repeated key is an error, not a guess.
 */
export class CommandArgs {
  readonly words: string[];
  readonly pairs: Map<string, string>;
  /** The reader's language: usage messages (and the command's own, through `t`) are written in it. */
  t: Translate;

  constructor(
    readonly text: string,
    private readonly syntax: CommandSyntax,
    locale: Locale = 'en',
  ) {
    this.words = [];
    this.pairs = new Map();
    this.t = translator(locale);
    for (const token of tokenize(text)) {
      const eq = token.indexOf('=');
      if (eq > 0) {
        const key = token.slice(0, eq).toLowerCase();
        if (this.pairs.has(key)) throw this.usage(this.t('usage.givenTwice', { key: shortEcho(key) }));
        this.pairs.set(key, token.slice(eq + 1));
      } else {
        this.words.push(token);
      }
    }
  }

  /** Removes a bare word (case-insensitive) and says whether it was there. */
  takeWord(word: string): boolean {
    const index = this.words.findIndex((w) => w.toLowerCase() === word);
    if (index < 0) return false;
    this.words.splice(index, 1);
    return true;
  }

  /** Removes a key=value pair and gives its raw text, for options validated by the caller; absent → undefined. */
  takePair(key: string): string | undefined {
    const raw = this.pairs.get(key);
    this.pairs.delete(key);
    return raw;
  }

  /** Reads and validates one key=value option; absent → undefined. */
  option<T>(key: string): T | undefined {
    const spec = this.syntax.options[key] as OptionSpec<T> | undefined;
    if (!spec) throw new Error(`option ${key} is not declared for ${this.syntax.slash}`);
    const raw = this.pairs.get(key);
    if (raw === undefined) return undefined;
    this.pairs.delete(key);
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      throw this.usage(this.t('usage.notAllowed', { given: shortEcho(`${key}=${raw}`), key, allowed: spec.allowed }));
    }
    return parsed.data;
  }

  /** After the command took what it knows: anything left over is a usage error naming it. */
  finish(): void {
    const [key] = this.pairs.keys();
    if (key !== undefined) {
      const known = Object.keys(this.syntax.options);
      const options = known.map((k) => `${k}=${this.syntax.options[k]?.allowed}`).join(', ');
      throw this.usage(
        known.length > 0
          ? this.t('usage.unknownOptionKnown', { key: shortEcho(key), options })
          : this.t('usage.unknownOption', { key: shortEcho(key) }),
      );
    }
    const [word] = this.words;
    if (word !== undefined) {
      const known = Object.keys(this.syntax.words ?? {});
      throw this.usage(
        known.length > 0
          ? this.t('usage.unknownWordKnown', { word: shortEcho(word), words: known.join(', ') })
          : this.t('usage.unknownWord', { word: shortEcho(word) }),
      );
    }
  }

  usage(problem: string): UsageError {
    const { slash, usage } = this.syntax;
    return new UsageError(
      [problem, this.t('usage.usageLine', { slash, usage }), this.t('usage.moreLine', { slash })].join('\n'),
    );
  }
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Double (and typographic) quotes group words; apostrophes stay, so O'Brien is one name.
  const pattern = /(?:[^\s"“”]+|"[^"]*"|“[^”]*”)+/g;
  for (const match of text.matchAll(pattern)) {
    tokens.push(match[0].replace(/["“”]/g, ''));
  }
  return tokens.filter((t) => t.length > 0);
}
