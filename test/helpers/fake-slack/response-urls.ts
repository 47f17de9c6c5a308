import type { Clock } from './clock.js';

/** Slack lets a response_url be used 5 times within 30 minutes of the interaction (slack-contract §1). */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export type ResponseType = 'ephemeral' | 'in_channel';

export interface ResponsePost {
  readonly at: number;
  readonly body: Record<string, unknown>;
  readonly responseType: ResponseType;
  readonly replaceOriginal: boolean;
  readonly deleteOriginal: boolean;
}

export interface ResponseUrlInit {
  /** Channel the interaction came from; `in_channel` responses land there. */
  readonly channelId?: string;
  readonly userId?: string;
  /** The message a block_actions response_url belongs to, for replace_original / delete_original. */
  readonly messageTs?: string;
}

export interface ResponseUrlState extends ResponseUrlInit {
  readonly id: string;
  readonly url: string;
  readonly createdAt: number;
  readonly posts: ResponsePost[];
  /** Attempts refused because the URL was used up or expired. */
  refused: number;
}

export type ResponseUrlVerdict =
  | { readonly ok: true; readonly state: ResponseUrlState }
  | { readonly ok: false; readonly status: number; readonly error: string };

/** The response_urls the fake has handed out, with their use count and expiry. */
export class ResponseUrls {
  readonly #byId = new Map<string, ResponseUrlState>();
  readonly #clock: Clock;
  readonly #baseUrl: () => string;
  #counter = 0;

  constructor(baseUrl: () => string, clock: Clock) {
    this.#baseUrl = baseUrl;
    this.#clock = clock;
  }

  /** A new `http://127.0.0.1:<port>/respond/<id>` URL, valid from the fake clock's now. */
  create(init: ResponseUrlInit = {}): string {
    this.#counter += 1;
    const id = `R${String(this.#counter).padStart(6, '0')}`;
    const url = `${this.#baseUrl()}/respond/${id}`;
    this.#byId.set(id, { ...init, id, url, createdAt: this.#clock.now(), posts: [], refused: 0 });
    return url;
  }

  /** Looks a URL up by its id or its full URL. */
  get(idOrUrl: string): ResponseUrlState | undefined {
    return this.#byId.get(idOrUrl.slice(idOrUrl.lastIndexOf('/') + 1));
  }

  all(): ResponseUrlState[] {
    return [...this.#byId.values()];
  }

  /** Checks whether the URL may be used now; does not count the use. */
  admit(id: string): ResponseUrlVerdict {
    const state = this.#byId.get(id);
    if (state === undefined) return { ok: false, status: 404, error: 'invalid_url' };
    if (this.#clock.now() - state.createdAt > RESPONSE_URL_TTL_MS) {
      state.refused += 1;
      return { ok: false, status: 404, error: 'expired_url' };
    }
    if (state.posts.length >= RESPONSE_URL_MAX_USES) {
      state.refused += 1;
      return { ok: false, status: 404, error: 'used_url' };
    }
    return { ok: true, state };
  }

  /** Counts one successful use. */
  recordUse(state: ResponseUrlState, body: Record<string, unknown>): ResponsePost {
    const post: ResponsePost = {
      at: this.#clock.now(),
      body,
      responseType: body.response_type === 'in_channel' ? 'in_channel' : 'ephemeral',
      replaceOriginal: body.replace_original === true || body.replace_original === 'true',
      deleteOriginal: body.delete_original === true || body.delete_original === 'true',
    };
    state.posts.push(post);
    return post;
  }
}
