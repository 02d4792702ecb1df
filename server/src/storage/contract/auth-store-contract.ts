// The behaviour every AuthStores must show (tokens, accounts, sessions): the SQLite stores and the
// in-memory ones tests use (storage/testing/auth-in-memory.ts).
import { type OpenSubject, useSubject } from '../testing/contract-fixture';

const account = (id: string, username: string) => ({
  id,
  username,
  passwordHash: 'scrypt$1$1$1$a$b',
  grant: { role: 'merchant_admin' as const, channelId: 'ch1', merchantId: 'm1' },
  createdAt: 1,
  passwordChangedAt: 1,
});

export function authStoreContract(open: OpenSubject): void {
  const { subject } = useSubject(open);

  it('tokens: add, find by hash, list, touch, revoke once', async () => {
    const s = subject().auth;
    await s.tokens.add({ id: 't1', name: 'crm', grant: { role: 'agent', agentId: 'a1' }, tokenHash: 'h1', createdAt: 5 });
    await s.tokens.add({ id: 't0', name: 'root', grant: { role: 'platform_admin' }, tokenHash: 'h0', createdAt: 1 });
    expect((await s.tokens.findByHash('h1'))?.grant).toEqual({ role: 'agent', agentId: 'a1' });
    expect((await s.tokens.list()).map((t) => t.id)).toEqual(['t0', 't1']);
    await s.tokens.touch('t1', 9);
    expect((await s.tokens.get('t1'))?.lastUsedAt).toBe(9);
    expect(await s.tokens.revoke('t1', 10)).toBe(true);
    expect(await s.tokens.revoke('t1', 11)).toBe(false);
    expect((await s.tokens.get('t1'))?.revokedAt).toBe(10);
  });

  it('accounts: unique usernames, password change, removal takes the sessions', async () => {
    const s = subject().auth;
    expect(await s.accounts.add(account('u1', 'mei'))).toBe(true);
    expect(await s.accounts.add(account('u2', 'mei'))).toBe(false);
    expect((await s.accounts.findByUsername('mei'))?.grant).toEqual({ role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' });
    await s.accounts.setPassword('u1', 'scrypt$new', 7);
    expect(await s.accounts.get('u1')).toMatchObject({ passwordHash: 'scrypt$new', passwordChangedAt: 7 });
    await s.sessions.add({ tokenHash: 's1', accountId: 'u1', createdAt: 1, expiresAt: 100 });
    expect(await s.accounts.remove('u1')).toBe(true);
    expect(await s.sessions.find('s1')).toBeUndefined();
    expect(await s.accounts.remove('u1')).toBe(false);
  });

  it('sessions: find, remove, remove by account and when expired', async () => {
    const s = subject().auth;
    await s.accounts.add(account('u1', 'mei'));
    for (const [h, exp] of [
      ['s1', 100],
      ['s2', 200],
      ['s3', 300],
    ] as const)
      await s.sessions.add({ tokenHash: h, accountId: 'u1', createdAt: 1, expiresAt: exp });
    expect(await s.sessions.find('s2')).toEqual({ tokenHash: 's2', accountId: 'u1', createdAt: 1, expiresAt: 200 });
    await s.sessions.remove('s2');
    expect(await s.sessions.removeExpired(100)).toBe(1);
    expect(await s.sessions.find('s3')).toBeDefined();
    await s.sessions.removeByAccount('u1');
    expect(await s.sessions.find('s3')).toBeUndefined();
  });

  it('grants: supervisors (of a channel or one merchant) and agent logins linked to several agents keep their shape', async () => {
    const s = subject().auth;
    const grants = [
      { role: 'supervisor' as const, channelId: 'ch1' },
      { role: 'supervisor' as const, channelId: 'ch1', merchantId: 'm1' },
      { role: 'agent' as const, agentId: 'a1', agentIds: ['a1', 'b7'] },
    ];
    for (const [i, grant] of grants.entries()) {
      await s.tokens.add({ id: `t${i}`, name: 'n', grant, tokenHash: `h${i}`, createdAt: i });
      await s.accounts.add({ ...account(`u${i}`, `user${i}`), grant });
    }
    expect((await s.tokens.list()).map((t) => t.grant)).toEqual(grants);
    expect((await s.accounts.list()).map((a) => a.grant)).toEqual(grants);
  });

  it('accounts: a grant changes in place (an agent login linked to one more agent, and back)', async () => {
    const s = subject().auth;
    await s.accounts.add({ ...account('u1', 'mei'), grant: { role: 'agent', agentId: 'a1' } });
    await s.sessions.add({ tokenHash: 's1', accountId: 'u1', createdAt: 1, expiresAt: 100 });
    const linked = { role: 'agent' as const, agentId: 'a1', agentIds: ['a1', 'b1'] };
    expect(await s.accounts.setGrant('u1', linked)).toBe(true);
    expect((await s.accounts.get('u1'))?.grant).toEqual(linked);
    expect(await s.accounts.setGrant('u1', { role: 'agent', agentId: 'a1' })).toBe(true);
    expect((await s.accounts.get('u1'))?.grant).toEqual({ role: 'agent', agentId: 'a1' });
    expect(await s.sessions.find('s1')).toBeDefined();
    expect(await s.accounts.setGrant('nobody', linked)).toBe(false);
  });
}
