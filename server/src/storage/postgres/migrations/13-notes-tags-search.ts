// PostgreSQL step 13: internal notes, tags on conversations and customers, and search over the words of
// messages, as SQLite's step 18. Chinese has no spaces between words, so the words are indexed by
// pg_trgm's trigrams (a GIN index on an expression of the message's JSON, nothing to keep up to date);
// pg_trgm ships with PostgreSQL and is a trusted extension, so the database's owner may create it.
import { messageTextSql } from '../../message-text-sql';

const T = 'TEXT COLLATE "C"';
const body = messageTextSql((p) => `(d #>> '{content,${p}}')`);

export const notesTagsSearchSchema = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE conversation_notes (
  id              ${T}   NOT NULL PRIMARY KEY,
  conversation_id ${T}   NOT NULL,
  created_at      BIGINT NOT NULL,
  data            TEXT   NOT NULL
);
CREATE INDEX conversation_notes_by_conversation ON conversation_notes (conversation_id, created_at, id);
CREATE TABLE tags (
  id          ${T} NOT NULL PRIMARY KEY,
  channel_id  ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  name        ${T} NOT NULL,
  data        TEXT NOT NULL,
  UNIQUE (channel_id, merchant_id, name)
);
CREATE TABLE conversation_tags (
  conversation_id ${T} NOT NULL,
  tag_id          ${T} NOT NULL,
  PRIMARY KEY (conversation_id, tag_id)
);
CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag_id, conversation_id);
CREATE TABLE customer_tags (
  customer_id ${T} NOT NULL,
  merchant_id ${T} NOT NULL,
  tag_id      ${T} NOT NULL,
  PRIMARY KEY (customer_id, merchant_id, tag_id)
);
CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id);
CREATE FUNCTION message_search_text(data TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT ${body} FROM (SELECT data::jsonb AS d) AS m $$;
CREATE INDEX messages_words ON messages USING gin (message_search_text(data) gin_trgm_ops);
`;
