// Port: where the knowledge base is kept (storage/sqlite-knowledge.ts). Used by the service and the
// media resolver, never by the robot, which answers from memory inside the engine's unit of work.
import type { KnowledgeEntry } from './entry';

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
  /** Adds `count` to each question's tally (keyed by its normalized form). */
  addMisses(misses: readonly (MissCount & { key: string })[]): Promise<void>;
  misses(scope: Scope, limit: number): Promise<MissCount[]>;
  saveMedia(media: StoredMedia): Promise<void>;
  media(id: string): Promise<StoredMedia | undefined>;
}
