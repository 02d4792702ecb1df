// Port: where the knowledge base is kept (adapter: storage/sqlite-knowledge.ts). Used by the knowledge
// service and the media resolver, never by the robot, which answers from memory inside the engine's unit
// of work. The entry's shape is checked by a schema where admins write it (knowledge/entry.ts, which
// also asserts that the schema and this interface agree).

export const ENTRY_TYPES = ['text', 'link', 'image', 'miniprogram', 'voice', 'video'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** The fields an admin writes (API, CLI, import); scope and timestamps are added by the service. */
export interface EntryFields {
  /** What a customer types to get this entry; unique in its scope. */
  number: number;
  keywords: string[];
  /** 相似问法: other ways customers ask for this entry. */
  similarQuestions: string[];
  type: EntryType;
  text?: string | undefined;
  /** Link, miniprogram, image: a short text sent just before the entry (a caption, "点击下方卡片进入…"). */
  leadText?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
  pagePath?: string | undefined;
  appId?: string | undefined;
  /** `media:<id>` (bytes stored with the knowledge base) or an http(s) URL. */
  media?: string | undefined;
  thumb?: string | undefined;
  /** Milliseconds since the epoch; not sent from then on. */
  expiresAt?: number | undefined;
  enabled: boolean;
  /** Robots that answer with it; empty: every robot. */
  robotIds: string[];
  /** The 引导语 sent when a customer enters the chat. */
  welcome: boolean;
  /** After sending it, hand the customer to a person (robot-first mode). */
  handoff: boolean;
}

export interface KnowledgeEntry extends EntryFields {
  channelId: string;
  /** Undefined: the platform's own knowledge base. */
  merchantId?: string;
  updatedAt: number;
}

export interface Scope {
  channelId: string;
  /** Undefined: the platform's own knowledge base. */
  merchantId?: string;
}

/** Per scope: how the robot behaves. */
export interface RobotSettings {
  /** Unanswered questions in a row after which the robot hands the customer to a person; 0: never. */
  handoffAfterMisses: number;
  /** Ranked answers below this score (0..1) are not sent. */
  threshold: number;
}

/** A scope's own synonyms: groups of words that mean the same, added to the matcher's built-in lexicon. */
export interface ScopeSynonyms extends Scope {
  groups: string[][];
}

export interface MissCount {
  channelId: string;
  merchantId?: string;
  /** The question as the customer typed it (the first time). */
  question: string;
  count: number;
  lastAt: number;
}

/** knowledge: stored for entries (a channel's platform-level ones are sent to every merchant's customers); reply: a picture an agent uploaded to send. */
export type MediaKind = 'knowledge' | 'reply';

export interface StoredMedia {
  id: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** Whose it is; absent on media stored before owners were recorded (then only platform admins may read it). */
  owner?: Scope;
  /** Absent: knowledge. */
  kind?: MediaKind;
  createdAt?: number;
}

export interface KnowledgeStore {
  /** Every entry of every scope (the robot's index is built from them). */
  all(): Promise<KnowledgeEntry[]>;
  /** Grows with every change of any entry, by any process (the CLI writes the same file). */
  revision(): Promise<number>;
  /** Inserts or replaces entries by (channel, merchant, number); with `replaceScope` the scope keeps only these. */
  put(entries: readonly KnowledgeEntry[], replaceScope?: Scope): Promise<void>;
  remove(scope: Scope, number: number): Promise<boolean>;
  settings(): Promise<(Scope & RobotSettings)[]>;
  saveSettings(scope: Scope, settings: RobotSettings): Promise<void>;
  /** Every scope's own synonyms (scopes without any are absent). */
  synonyms(): Promise<ScopeSynonyms[]>;
  /** Replaces a scope's synonyms; an empty list removes them. */
  saveSynonyms(scope: Scope, groups: readonly (readonly string[])[]): Promise<void>;
  /** Adds `count` to each question's tally (keyed by its normalized form). */
  addMisses(misses: readonly (MissCount & { key: string })[]): Promise<void>;
  misses(scope: Scope, limit: number): Promise<MissCount[]>;
  saveMedia(media: StoredMedia): Promise<void>;
  media(id: string): Promise<StoredMedia | undefined>;
}
