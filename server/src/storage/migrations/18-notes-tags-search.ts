// Migration step: internal notes on conversations, tags (an admin's list per merchant, set on
// conversations and on customers), and the words of every message for search. Chinese has no spaces
// between words, so messages are indexed by FTS5's trigram tokenizer (any substring of three characters
// or more is found through the index); a trigger keeps the words of each new message, and the messages
// already stored are indexed here once. Notes are not messages: nothing here reaches the outbox.
import { sqliteMessageText } from '../message-text-sql';

const BODY_OF_NEW = sqliteMessageText('new');
const BODY_OF_M = sqliteMessageText('m');

export const notesTagsSearchSchema = `
CREATE TABLE conversation_notes (
  id              TEXT    NOT NULL PRIMARY KEY,
  conversation_id TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  data            TEXT    NOT NULL
) STRICT;
CREATE INDEX conversation_notes_by_conversation ON conversation_notes (conversation_id, created_at, id);

CREATE TABLE tags (
  id          TEXT NOT NULL PRIMARY KEY,
  channel_id  TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  name        TEXT NOT NULL,
  data        TEXT NOT NULL,
  UNIQUE (channel_id, merchant_id, name)
) STRICT;
CREATE TABLE conversation_tags (
  conversation_id TEXT NOT NULL,
  tag_id          TEXT NOT NULL,
  PRIMARY KEY (conversation_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag_id, conversation_id);
CREATE TABLE customer_tags (
  customer_id TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  tag_id      TEXT NOT NULL,
  PRIMARY KEY (customer_id, merchant_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id);

CREATE TABLE message_texts (
  id              INTEGER PRIMARY KEY,
  message_id      TEXT    NOT NULL UNIQUE,
  conversation_id TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  body            TEXT    NOT NULL
) STRICT;
CREATE INDEX message_texts_by_conversation ON message_texts (conversation_id, created_at);
CREATE VIRTUAL TABLE message_texts_fts USING fts5(body, content='message_texts', content_rowid='id', tokenize='trigram');
CREATE TRIGGER message_texts_indexed AFTER INSERT ON message_texts BEGIN
  INSERT INTO message_texts_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_searchable AFTER INSERT ON messages WHEN (${BODY_OF_NEW}) IS NOT NULL BEGIN
  INSERT INTO message_texts (message_id, conversation_id, created_at, body)
  VALUES (new.id, new.conversation_id, new.created_at, ${BODY_OF_NEW});
END;
INSERT INTO message_texts (message_id, conversation_id, created_at, body)
  SELECT m.id, m.conversation_id, m.created_at, ${BODY_OF_M} FROM messages m WHERE (${BODY_OF_M}) IS NOT NULL ORDER BY m.created_at, m.id;
`;
