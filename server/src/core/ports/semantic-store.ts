// Port: where the optional semantic stage of the knowledge robot keeps its per-channel settings and the
// entries' vectors (adapter: storage/sqlite-semantic-store.ts). Read and written only off the hot path
// (start-up, after edits, the settings route); the robot answers from memory.

/** The embeddings endpoint of a channel (OpenAI-compatible `POST /v1/embeddings`). */
export interface SemanticSettings {
  enabled: boolean;
  /** The endpoint's full URL, e.g. https://api.example.com/v1/embeddings. */
  url: string;
  model: string;
  /** How long the robot waits for a question's vector before answering lexically. */
  timeoutMs: number;
}

/** Settings as stored, with the API key opened (it is sealed at rest and never leaves the server). */
export interface SemanticConfig extends SemanticSettings {
  channelId: string;
  apiKey?: string;
}

/** A change of settings: `apiKey` undefined keeps the stored one, '' removes it. */
export interface SemanticSettingsChange extends SemanticSettings {
  apiKey?: string;
}

export interface EntryVector {
  channelId: string;
  merchantId?: string;
  number: number;
  /** What was embedded (model and text, hashed): a different digest means the vector is stale. */
  digest: string;
  vector: Float32Array;
}

export interface SemanticStore {
  configs(): Promise<SemanticConfig[]>;
  saveConfig(channelId: string, change: SemanticSettingsChange): Promise<void>;
  vectors(channelId: string): Promise<EntryVector[]>;
  /** Upserts these and deletes the channel's other vectors when `keepOnly` is set. */
  putVectors(channelId: string, vectors: readonly EntryVector[], keepOnly?: boolean): Promise<void>;
}
