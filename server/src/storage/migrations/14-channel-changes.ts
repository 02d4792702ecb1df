// Migration step: changing a channel loses nothing. The push settings before the last change (Token and
// EncodingAESKey sealed like the current ones, secret-box.ts) stay valid until `previous_until`; each
// channel has its grace period and replay window; and it records when WeChat last verified its URL and
// last pushed. Plaintext channels get the default replay window (300 s): one signature triple must not
// let anyone post forged bodies for ever.
export const channelChangesSchema = `
ALTER TABLE channels ADD COLUMN replay_window_seconds INTEGER;
ALTER TABLE channels ADD COLUMN grace_seconds INTEGER;
ALTER TABLE channels ADD COLUMN previous_token TEXT;
ALTER TABLE channels ADD COLUMN previous_encoding_aes_key TEXT;
ALTER TABLE channels ADD COLUMN previous_mode TEXT CHECK (previous_mode IN ('plaintext', 'compatible', 'secure'));
ALTER TABLE channels ADD COLUMN previous_until INTEGER;
ALTER TABLE channels ADD COLUMN last_verified_at INTEGER;
ALTER TABLE channels ADD COLUMN last_push_at INTEGER;
UPDATE channels SET replay_window_seconds = 300 WHERE mode = 'plaintext';
`;
