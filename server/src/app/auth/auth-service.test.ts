// The authentication stories over their ports: hashing and minting are fakes here (security/ has the
// real ones and their own tests).
import { inMemoryAuthStores } from '../../storage/testing/auth-in-memory';
import { engineFixture } from '../testing/engine-fixture';
import { fakePasswords, fakeSecrets } from '../testing/admin-fixture';
import { API_TOKEN_PREFIX, AuthService, SESSION_TOKEN_PREFIX } from './auth-service';
import { LoginThrottle } from './login-throttle';

function service(throttle?: LoginThrottle) {
  const engine = engineFixture();
  const stores = inMemoryAuthStores();
  const auth = new AuthService({
    stores,
    uow: engine.deps.uow,
    clock: engine.clock,
    ids: engine.deps.ids,
    passwords: fakePasswords,
    secrets: fakeSecrets(),
    ...(throttle && { throttle }),
  });
  return { engine, stores, auth };
}

it('logs in with a session token that authenticates, and stores only its hash', async () => {
  const { auth, stores } = service();
  const account = await auth.createAccount(' Boss ', 'boss-password', { role: 'platform_admin' });
  expect(account.username).toBe('boss');
  const login = await auth.login('BOSS', 'boss-password', '10.0.0.1');
  expect(login.token.startsWith(SESSION_TOKEN_PREFIX)).toBe(true);
  expect([...stores.sessions.rows.keys()]).toEqual([`hash:${login.token}`]);
  expect(await auth.authenticate(login.token)).toMatchObject({ role: 'platform_admin', via: { kind: 'session', accountId: account.id } });
  await auth.logoutToken(login.token);
  await expect(auth.authenticate(login.token)).rejects.toMatchObject({ status: 401 });
});

it('answers an unknown user as a wrong password, and throttles guessing', async () => {
  const { auth } = service(new LoginThrottle({ freeAttempts: 1, baseDelayMs: 60_000 }));
  await auth.createAccount('boss', 'boss-password', { role: 'platform_admin' });
  await expect(auth.login('ghost', 'x', 'ip')).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
  // One free attempt is checked; the next waits, even with the right password, and is not checked.
  await expect(auth.login('boss', 'wrong', 'ip')).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
  await expect(auth.login('boss', 'boss-password', 'ip')).rejects.toMatchObject({ status: 429 });
});

it('resolves an agent’s token against the agent record; no secret at all is 401', async () => {
  const { auth, engine } = service();
  await engine.agent('a1', { merchantId: 'm1' });
  const { token, record } = await auth.createApiToken('a1', { role: 'agent', agentId: 'a1' });
  expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
  expect(await auth.authenticate(token)).toMatchObject({
    role: 'agent',
    agentId: 'a1',
    merchantId: 'm1',
    via: { kind: 'token', tokenId: record.id },
  });
  await expect(auth.authenticate(undefined)).rejects.toMatchObject({ status: 401 });
});

it('changes one’s own password only with the current one, and creates the first admin only once', async () => {
  const { auth } = service();
  const first = await auth.createFirstAdmin('root', 'root-password');
  expect(first).toBeDefined();
  expect(await auth.createFirstAdmin('root2', 'root-password')).toBeUndefined();
  await expect(auth.changeOwnPassword(first?.id ?? '', 'wrong', 'new-password')).rejects.toMatchObject({
    status: 403,
    code: 'wrong_password',
  });
  await auth.changeOwnPassword(first?.id ?? '', 'root-password', 'new-password');
  expect((await auth.login('root', 'new-password', 'ip')).account.id).toBe(first?.id);
});
