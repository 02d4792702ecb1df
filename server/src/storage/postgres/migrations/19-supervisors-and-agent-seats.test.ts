// The supervisors-and-agent-seats step on a PostgreSQL database written before it: old grants read back
// unchanged, and supervisors and several-agent logins can be stored (the replaced CHECKs still hold).
import { openPool } from '../pool';
import { PgAccountStore, PgApiTokenStore } from '../pg-auth';
import { usePostgres } from '../testing/test-cluster';
import { supervisorsAndAgentSeatsSchema } from './19-supervisors-and-agent-seats';
import { pgMigrations, runPgMigrations } from './runner';

const pg = usePostgres();

it('keeps old grants and stores supervisors and several-agent logins', async () => {
  const pool = openPool(await pg.createDatabase());
  try {
    const step = pgMigrations.findIndex((m) => m.sql === supervisorsAndAgentSeatsSchema);
    await runPgMigrations(pool, pgMigrations.slice(0, step));
    await pool.query(
      `INSERT INTO api_tokens (id, name, role, agent_id, token_hash, created_at) VALUES ('t1', 'crm', 'agent', 'a1', 'h1', 1)`,
    );
    await expect(
      pool.query(
        `INSERT INTO api_tokens (id, name, role, channel_id, token_hash, created_at) VALUES ('t0', 'x', 'supervisor', 'ch1', 'h0', 1)`,
      ),
    ).rejects.toThrow(/check/);
    await runPgMigrations(pool);
    const tokens = new PgApiTokenStore(pool);
    const accounts = new PgAccountStore(pool);
    expect((await tokens.get('t1'))?.grant).toEqual({ role: 'agent', agentId: 'a1' });
    await tokens.add({
      id: 't2',
      name: 'lead',
      grant: { role: 'supervisor', channelId: 'ch1', merchantId: 'm1' },
      tokenHash: 'h2',
      createdAt: 2,
    });
    const grant = { role: 'agent' as const, agentId: 'a1', agentIds: ['a1', 'b1'] };
    await accounts.add({ id: 'u1', username: 'wang', passwordHash: 'scrypt$z', grant, createdAt: 3, passwordChangedAt: 3 });
    expect((await tokens.get('t2'))?.grant).toEqual({ role: 'supervisor', channelId: 'ch1', merchantId: 'm1' });
    expect((await accounts.get('u1'))?.grant).toEqual(grant);
    await expect(
      pool.query(`INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES ('t3', 'x', 'supervisor', 'h3', 1)`),
    ).rejects.toThrow(/check/);
    await expect(
      pool.query(
        `INSERT INTO login_accounts (id, username, password_hash, role, created_at, password_changed_at) VALUES ('u9', 'z', 'x', 'agent', 1, 1)`,
      ),
    ).rejects.toThrow(/check/);
  } finally {
    await pool.end();
  }
});
