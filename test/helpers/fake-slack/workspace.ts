/** Ids of the fake workspace and its bot; tests use them to build payloads. */
export const FAKE_TEAM = {
  teamId: 'T0RADAR0001',
  teamName: 'Radar Test Co',
  teamDomain: 'radar-test',
  botUserId: 'U0RADARBOT1',
  botId: 'B0RADARBOT1',
  apiAppId: 'A0RADARAPP1',
} as const;

export interface FakeUserSeed {
  readonly id: string;
  readonly name?: string;
  readonly realName?: string;
  /** IANA zone returned by users.info, e.g. `America/New_York`, `Asia/Shanghai`. Default `UTC`. */
  readonly tz?: string;
  /** Slack's `locale` (users.info with include_locale), e.g. `en-US`, `zh-CN`. Default `en-US`. */
  readonly locale?: string;
  readonly isBot?: boolean;
}

export interface FakeChannelSeed {
  readonly id: string;
  readonly name?: string;
  readonly isPrivate?: boolean;
  /** Whether the bot is in the channel. Posting and upload sharing need it. */
  readonly isMember?: boolean;
  readonly isArchived?: boolean;
  /** A direct message. `imUser` is the human on the other side; a DM between two humans has `isMember: false`. */
  readonly isIm?: boolean;
  readonly imUser?: string;
}

export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly realName: string;
  readonly tz: string;
  /** Changed by `Workspace.setLocale` (a user switching Slack's language). */
  locale: string;
  readonly isBot: boolean;
}

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  readonly isPrivate: boolean;
  readonly isIm: boolean;
  readonly isMpim: boolean;
  readonly isArchived: boolean;
  readonly imUser?: string;
  isMember: boolean;
}

/** How a message got into a channel. */
export type MessageSource = 'chat.postMessage' | 'files.completeUploadExternal' | 'response_url';

export interface MessageMetadata {
  readonly event_type: string;
  readonly event_payload: Readonly<Record<string, unknown>>;
}

export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  readonly source: MessageSource;
  readonly threadTs?: string;
  readonly files?: readonly string[];
  /** `metadata` of chat.postMessage / chat.update: returned by history only with include_all_metadata. */
  metadata?: MessageMetadata;
  text?: string;
  blocks?: unknown;
  /** Times chat.update or a replace_original response changed it. */
  edits: number;
  deleted: boolean;
}

export interface FakeEphemeral {
  readonly channel: string;
  readonly user: string;
  readonly ts: string;
  readonly text?: string;
  readonly blocks?: unknown;
}

export type FileState = 'pending' | 'uploaded' | 'completed';

export interface FakeFile {
  readonly id: string;
  readonly filename: string;
  /** Declared in files.getUploadURLExternal; the upload must match it. */
  readonly length: number;
  readonly altText?: string;
  readonly snippetType?: string;
  state: FileState;
  bytes?: Buffer;
  uploadFilename?: string;
  title?: string;
  /** Channels the file was shared into by files.completeUploadExternal. Empty = private and unshared. */
  sharedTo: string[];
  threadTs?: string;
  initialComment?: string;
}

export interface FakeView {
  readonly id: string;
  readonly type: string;
  readonly view: Record<string, unknown>;
  readonly userId?: string;
  readonly triggerId?: string;
}

const DEFAULT_USERS: readonly FakeUserSeed[] = [
  { id: 'U0ALICE0001', name: 'alice', realName: 'Alice Moreau', tz: 'America/New_York' },
  { id: 'U0WEI000001', name: 'wei', realName: 'Wei Zhang', tz: 'Asia/Shanghai' },
  { id: 'U0OMAR00001', name: 'omar', realName: 'Omar Haddad', tz: 'Europe/Berlin' },
];

const DEFAULT_CHANNELS: readonly FakeChannelSeed[] = [
  { id: 'C0GENERAL01', name: 'general', isMember: true },
  { id: 'C0CSTEAM001', name: 'cs-team', isMember: false },
  { id: 'C0PRIVMEM01', name: 'cs-leads', isPrivate: true, isMember: true },
  { id: 'C0PRIVNOT01', name: 'exec-private', isPrivate: true, isMember: false },
  { id: 'D0HUMANDM01', name: 'directmessage', isIm: true, isMember: false, imUser: 'U0WEI000001' },
];

/** Channel ids of the default workspace, by role. */
export const FAKE_CHANNELS = {
  publicMember: 'C0GENERAL01',
  publicNotMember: 'C0CSTEAM001',
  privateMember: 'C0PRIVMEM01',
  privateNotMember: 'C0PRIVNOT01',
  humanDm: 'D0HUMANDM01',
} as const;

export const FAKE_USERS = {
  newYork: 'U0ALICE0001',
  shanghai: 'U0WEI000001',
  berlin: 'U0OMAR00001',
} as const;

/** Users, channels, messages, files and views of the one workspace the fake serves. */
export class Workspace {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  readonly files = new Map<string, FakeFile>();
  /** The App Home view last published per user. */
  readonly homeViews = new Map<string, FakeView>();
  readonly modals: FakeView[] = [];
  #idCounter = 0;
  #tsCounter = 0;

  constructor(users: readonly FakeUserSeed[] = DEFAULT_USERS, channels: readonly FakeChannelSeed[] = DEFAULT_CHANNELS) {
    for (const user of users) this.addUser(user);
    for (const channel of channels) this.addChannel(channel);
  }

  addUser(seed: FakeUserSeed): FakeUser {
    const name = seed.name ?? seed.id.toLowerCase();
    const user: FakeUser = {
      id: seed.id,
      name,
      realName: seed.realName ?? name,
      tz: seed.tz ?? 'UTC',
      locale: seed.locale ?? 'en-US',
      isBot: seed.isBot ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** What users.info reports as the user's language from now on (Slack's `locale`, e.g. `zh-CN`). */
  setLocale(userId: string, locale: string): void {
    const user = this.users.get(userId);
    if (user === undefined) throw new Error(`fake-slack: no user ${userId}`);
    user.locale = locale;
  }

  addChannel(seed: FakeChannelSeed): FakeChannel {
    const channel: FakeChannel = {
      id: seed.id,
      name: seed.name ?? seed.id.toLowerCase(),
      isPrivate: seed.isPrivate ?? seed.isIm ?? false,
      isIm: seed.isIm ?? false,
      isMpim: false,
      isArchived: seed.isArchived ?? false,
      isMember: seed.isMember ?? false,
      ...(seed.imUser === undefined ? {} : { imUser: seed.imUser }),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A fresh id with Slack's shape: prefix + 10 upper-case alphanumerics (files: `^F[A-Z0-9]{8,}$`). */
  nextId(prefix: string): string {
    this.#idCounter += 1;
    return `${prefix}${this.#idCounter.toString(36).toUpperCase().padStart(10, '0')}`;
  }

  /** A unique message timestamp (`seconds.micros`) at the given clock time. */
  nextTs(nowMs: number): string {
    this.#tsCounter += 1;
    return `${Math.floor(nowMs / 1000)}.${String(this.#tsCounter).padStart(6, '0')}`;
  }

  /** The bot's DM with a user, created (as conversations.open does) on first use. */
  openDm(userId: string): FakeChannel {
    for (const channel of this.channels.values()) {
      if (channel.isIm && channel.imUser === userId && channel.isMember) return channel;
    }
    return this.addChannel({ id: `D0${userId.slice(1)}`, name: userId, isIm: true, isMember: true, imUser: userId });
  }

  /**
   * Where a `channel` argument points: a channel id, or a user id, which chat.postMessage treats as the bot's DM
   * with that user.
   */
  resolveChannel(channelArg: string): FakeChannel | undefined {
    const channel = this.channels.get(channelArg);
    if (channel !== undefined) return channel;
    if (this.users.has(channelArg)) return this.openDm(channelArg);
    return undefined;
  }

  /**
   * Why the bot cannot post into (or share a file into) the channel, as Slack reports it: a channel the bot
   * cannot see — private or a DM it is not in — is `channel_not_found`; a public one it has not joined is
   * `not_in_channel`.
   */
  postingError(channel: FakeChannel | undefined): string | undefined {
    if (channel === undefined) return 'channel_not_found';
    if (channel.isArchived) return 'is_archived';
    if (channel.isMember) return undefined;
    return channel.isPrivate || channel.isIm ? 'channel_not_found' : 'not_in_channel';
  }

  findMessage(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.find((message) => message.channel === channel && message.ts === ts && !message.deleted);
  }

  /** Messages currently visible in a channel (not deleted), oldest first. */
  messagesIn(channel: string): FakeMessage[] {
    return this.messages.filter((message) => message.channel === channel && !message.deleted);
  }
}
