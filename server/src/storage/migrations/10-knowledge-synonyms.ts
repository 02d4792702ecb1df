// Migration step 10: each knowledge base's own synonyms (groups of words that mean the same), added by
// its admins to the matcher's built-in lexicon. One JSON document per scope, keyed like the settings;
// changes bump the knowledge revision so another process's server rebuilds its indexes.
export const knowledgeSynonymsSchema = `
CREATE TABLE knowledge_synonyms (
  channel_id   TEXT NOT NULL,
  merchant_key TEXT NOT NULL,
  groups_json  TEXT NOT NULL,
  PRIMARY KEY (channel_id, merchant_key)
) STRICT;
CREATE TRIGGER knowledge_synonyms_ins AFTER INSERT ON knowledge_synonyms BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_synonyms_upd AFTER UPDATE ON knowledge_synonyms BEGIN UPDATE knowledge_revision SET value = value + 1; END;
CREATE TRIGGER knowledge_synonyms_del AFTER DELETE ON knowledge_synonyms BEGIN UPDATE knowledge_revision SET value = value + 1; END;
`;
