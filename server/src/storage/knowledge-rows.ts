// The knowledge base's rows as both SQL adapters store them (SQLite and PostgreSQL): entries with their
// fields as JSON, media, and the semantic stage's settings (the API key sealed under a label bound to its
// channel) and vectors (float32 bytes). One codec, so a database written by one adapter reads the same way.
import type { KnowledgeEntry, Scope, StoredMedia } from '../core/ports/knowledge-store';
import type { EntryVector, SemanticConfig } from '../core/ports/semantic-store';
import { merchantKey, merchantOf } from './record-codec';
import type { SecretBox } from './secret-box';

export interface EntryRow {
  channel_id: string;
  merchant_key: string;
  number: number;
  body: string;
  updated_at: number;
}

export interface MediaRow {
  id: string;
  filename: string;
  content_type: string;
  data: Buffer;
  channel_id: string | null;
  merchant_key: string | null;
  kind: string;
  created_at: number | null;
}

/** `enabled` is 0/1 in SQLite and a boolean in PostgreSQL. */
export interface SemanticConfigRow {
  channel_id: string;
  enabled: number | boolean;
  url: string;
  model: string;
  timeout_ms: number;
  api_key_sealed: string | null;
}

export interface VectorRow {
  channel_id: string;
  merchant_key: string;
  number: number;
  digest: string;
  vector: Buffer;
}

export const scopeOf = (channelId: string, key: string): Scope => ({ channelId, ...merchantOf(key) });

export function entryToRow(e: KnowledgeEntry): EntryRow {
  const { channelId, merchantId, number, updatedAt, ...fields } = e;
  return { channel_id: channelId, merchant_key: merchantKey(merchantId), number, body: JSON.stringify(fields), updated_at: updatedAt };
}

export function entryFromRow(r: EntryRow): KnowledgeEntry {
  const fields = JSON.parse(r.body) as Omit<KnowledgeEntry, 'channelId' | 'merchantId' | 'number' | 'updatedAt'>;
  // Entries stored before similar questions existed have none.
  const similarQuestions = fields.similarQuestions ?? [];
  return { ...scopeOf(r.channel_id, r.merchant_key), number: r.number, ...fields, similarQuestions, updatedAt: r.updated_at };
}

export function mediaFromRow(r: MediaRow): StoredMedia {
  return {
    id: r.id,
    filename: r.filename,
    contentType: r.content_type,
    data: new Uint8Array(r.data),
    ...(r.channel_id !== null && { owner: scopeOf(r.channel_id, r.merchant_key ?? '') }),
    kind: r.kind === 'reply' ? 'reply' : 'knowledge',
    ...(r.created_at !== null && { createdAt: r.created_at }),
  };
}

/** The label a channel's embeddings API key is sealed under: a sealed key moved to another channel does not open. */
export const semanticKeyPlace = (channelId: string) => `knowledge_semantic/${channelId}/apiKey`;

export function semanticConfigFromRow(r: SemanticConfigRow, box: SecretBox): SemanticConfig {
  return {
    channelId: r.channel_id,
    enabled: r.enabled === true || r.enabled === 1,
    url: r.url,
    model: r.model,
    timeoutMs: r.timeout_ms,
    ...(r.api_key_sealed !== null && { apiKey: box.open(r.api_key_sealed, semanticKeyPlace(r.channel_id)) }),
  };
}

export function vectorFromRow(r: VectorRow): EntryVector {
  return {
    channelId: r.channel_id,
    ...merchantOf(r.merchant_key),
    number: r.number,
    digest: r.digest,
    vector: new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)),
  };
}

/** The vector's float32 bytes, as stored. */
export const vectorBytes = (v: EntryVector): Buffer => Buffer.from(v.vector.buffer, v.vector.byteOffset, v.vector.byteLength);
