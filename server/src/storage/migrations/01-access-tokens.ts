// Migration step 1: WeChat access tokens, one per app and source (stable or basic), kept across restarts.
export const accessTokensSchema = `CREATE TABLE access_tokens (
      app_id      TEXT    NOT NULL,
      source      TEXT    NOT NULL CHECK (source IN ('stable', 'basic')),
      token       TEXT    NOT NULL,
      obtained_at INTEGER NOT NULL,
      expires_at  INTEGER NOT NULL,
      PRIMARY KEY (app_id, source)
    ) STRICT;`;
