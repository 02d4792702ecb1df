// Migration step: outbox claims that name their owner and sends that may have reached WeChat. A claim
// now carries the sending process's instance id, so only that process renews its short lease while a
// send is in flight (a crashed process's sends resume within seconds, and two live processes never send
// one row). `in_doubt`: an attempt may have reached WeChat without an answer (a timeout, a dropped
// connection, a crash mid-send): the row is sent again once and the agent is told it may arrive twice.
export const outboxClaimsSchema = `
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN in_doubt INTEGER NOT NULL DEFAULT 0;
`;
