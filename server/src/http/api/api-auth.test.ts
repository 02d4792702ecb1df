// Authentication over real HTTP: tokens, logins, sessions, expiry, logout, lockout.
import { LoginThrottle } from '../../app/auth/login-throttle';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture({ throttle: new LoginThrottle({ freeAttempts: 3, baseDelayMs: 60_000 }), sessionTtlMs: 60 * 60_000 });
  await f.service.createAccount('Alice', 'alice-password', { role: 'agent', agentId: 'a1' });
});
afterEach(() => f.close());

describe('credentials', () => {
  it('401 without credentials, with a bad scheme, an unknown or a revoked token', async () => {
    for (const token of [undefined, 'kft_unknown', 'garbage']) {
      const res = await f.call('GET', '/api/v1/me', token);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthenticated');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    const basic = await fetch(`${f.base}/api/v1/me`, { headers: { authorization: `Basic ${f.tokens.platform}` } });
    expect(basic.status).toBe(401);
    const id = (await f.auth.tokens.list())[0]!.id;
    expect((await f.call('DELETE', `/api/v1/tokens/${id}`, f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('DELETE', `/api/v1/tokens/${id}`, f.tokens.platform)).status).toBe(204);
    expect((await f.call('GET', '/api/v1/me', f.tokens.platform)).status).toBe(401);
  });

  it('stores API tokens hashed and records their use', async () => {
    const created = await f.call('POST', '/api/v1/tokens', f.tokens.platform, {
      name: 'crm',
      grant: { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' },
    });
    expect(created.status).toBe(201);
    expect(created.json.token).toMatch(/^kft_[\w-]{43}$/);
    const stored = JSON.stringify([...f.auth.tokens.rows.values()]);
    expect(stored).not.toContain(created.json.token);
    const me = await f.call('GET', '/api/v1/me', created.json.token);
    expect(me.json).toMatchObject({ role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' });
    const listed = await f.call('GET', '/api/v1/tokens', f.tokens.platform);
    expect(listed.text).not.toContain(created.json.token);
    expect(listed.json.items.find((t: { id: string }) => t.id === created.json.id).lastUsedAt).toBeDefined();
  });

  it('refuses grants outside the caller’s reach', async () => {
    const bad = await f.call('POST', '/api/v1/tokens', f.tokens.platform, {
      name: 'x',
      grant: { role: 'merchant_admin', channelId: 'ch1', merchantId: 'nope' },
    });
    expect(bad.status).toBe(400);
    const other = await f.call('POST', '/api/v1/accounts', f.tokens.merchantAdmin, {
      username: 'bob',
      password: 'bob-password',
      grant: { role: 'agent', agentId: 'a2' },
    });
    expect(other.status).toBe(403);
    const admin = await f.call('POST', '/api/v1/accounts', f.tokens.merchantAdmin, {
      username: 'root2',
      password: 'bob-password',
      grant: { role: 'platform_admin' },
    });
    expect(admin.status).toBe(403);
    const own = await f.call('POST', '/api/v1/accounts', f.tokens.merchantAdmin, {
      username: 'bob',
      password: 'bob-password',
      grant: { role: 'agent', agentId: 'a1' },
    });
    expect(own.status).toBe(201);
    expect(own.text).not.toContain('bob-password');
  });
});

describe('logins', () => {
  const login = (username: string, password: string) => f.call('POST', '/api/v1/auth/login', undefined, { username, password });

  it('logs in (case-insensitive username), acts as the agent, logs out', async () => {
    const res = await login('ALICE', 'alice-password');
    expect(res.status).toBe(200);
    expect(res.json.token).toMatch(/^kfs_/);
    expect(res.json.principal).toMatchObject({ role: 'agent', agentId: 'a1', merchantId: 'm1' });
    expect(res.json.expiresAt).toBe(f.engine.clock.now() + 60 * 60_000);
    expect((await f.call('GET', '/api/v1/me', res.json.token)).json.role).toBe('agent');
    expect((await f.call('POST', '/api/v1/auth/logout', res.json.token)).status).toBe(204);
    expect((await f.call('GET', '/api/v1/me', res.json.token)).status).toBe(401);
  });

  it('one answer for a wrong password and an unknown user', async () => {
    const wrong = await login('alice', 'nope-nope');
    const unknown = await login('nobody', 'nope-nope');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('sessions expire', async () => {
    const { json } = await login('alice', 'alice-password');
    f.engine.clock.advanceMinutes(59);
    expect((await f.call('GET', '/api/v1/me', json.token)).status).toBe(200);
    f.engine.clock.advanceMinutes(1);
    expect((await f.call('GET', '/api/v1/me', json.token)).status).toBe(401);
    expect(f.auth.sessions.rows.size).toBe(0);
  });

  it('locks the username out after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 4; i++) await login('alice', 'wrong-password');
    const locked = await login('alice', 'alice-password');
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    f.engine.clock.advanceMinutes(2);
    expect((await login('alice', 'alice-password')).status).toBe(200);
  });

  it('changing the password ends the sessions; API tokens cannot log out', async () => {
    const { json } = await login('alice', 'alice-password');
    const change = await f.call('PUT', '/api/v1/me/password', json.token, {
      currentPassword: 'alice-password',
      newPassword: 'alice-new-password',
    });
    expect(change.status).toBe(204);
    expect((await f.call('GET', '/api/v1/me', json.token)).status).toBe(401);
    expect((await login('alice', 'alice-new-password')).status).toBe(200);
    expect((await f.call('POST', '/api/v1/auth/logout', f.tokens.platform)).status).toBe(400);
  });

  it('validates the login body precisely', async () => {
    const res = await f.call('POST', '/api/v1/auth/login', undefined, { username: 'alice' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('body.password');
    const broken = await f.call('POST', '/api/v1/auth/login', undefined, '{"username":');
    expect(broken.json.error).toEqual({ code: 'invalid_json', message: 'request body is not valid JSON' });
  });
});
