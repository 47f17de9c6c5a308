import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { shortEcho } from '../format/short-echo.js';

export interface OptionSpec<T> {
  readonly schema: z.ZodType<T>;
  /** The allowed values as a person reads them: "1–100", "Basic|Bronze|Silver|Gold|Platinum". */
  readonly allowed: string;
  readonly description: string;
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

  constructor(
    readonly text: string,
    private readonly syntax: CommandSyntax,
  ) {
    this.words = [];
    this.pairs = new Map();
    for (const token of tokenize(text)) {
      const eq = token.indexOf('=');
      if (eq > 0) {
        const key = token.slice(0, eq).toLowerCase();
        if (this.pairs.has(key)) throw this.usage(`\`${shortEcho(key)}\` is given twice.`);
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

  /** Reads and validates one key=value option; absent → undefined. */
  option<T>(key: string): T | undefined {
    const spec = this.syntax.options[key] as OptionSpec<T> | undefined;
    if (!spec) throw new Error(`option ${key} is not declared for ${this.syntax.slash}`);
    const raw = this.pairs.get(key);
    if (raw === undefined) return undefined;
    this.pairs.delete(key);
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      throw this.usage(`\`${shortEcho(`${key}=${raw}`)}\` is not allowed: ${key} takes ${spec.allowed}.`);
    }
    return parsed.data;
  }

  /** After the command took what it knows: anything left over is a usage error naming it. */
  finish(): void {
    const [key] = this.pairs.keys();
    if (key !== undefined) {
      const known = Object.keys(this.syntax.options);
      throw this.usage(
        `Unknown option \`${shortEcho(key)}\`.${known.length > 0 ? ` Options: ${known.map((k) => `${k}=${this.syntax.options[k]?.allowed}`).join(', ')}.` : ''}`,
      );
    }
    const [word] = this.words;
    if (word !== undefined) {
      const known = Object.keys(this.syntax.words ?? {});
      throw this.usage(
        `I don't understand \`${shortEcho(word)}\`.${known.length > 0 ? ` Words this command takes: ${known.join(', ')}.` : ''}`,
      );
    }
  }

  usage(problem: string): UsageError {
    return new UsageError(
      `${problem}\nUsage: ${this.syntax.slash} ${this.syntax.usage}\nMore: ${this.syntax.slash} help`,
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
