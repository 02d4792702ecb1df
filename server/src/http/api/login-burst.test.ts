// Password guessing in a burst: 100 wrong passwords sent at once over real HTTP. The throttle counts an
// attempt before the password is checked, so no more than the free attempts reach the (real, scrypt)
// password check; everything else is answered 429 without any check. A counting wrapper around the hasher
// counts the checks actually made.
import { DEFAULT_THROTTLE, LoginThrottle } from '../../app/auth/login-throttle';
import type { PasswordHasher } from '../../core/ports/credentials';
import { ScryptPasswordHasher } from '../../security/scrypt-password-hasher';
import { FAST_SCRYPT, startApiFixture, type ApiFixture } from './testing/api-fixture';

class CountingHasher implements PasswordHasher {
  checks = 0;
  constructor(private readonly inner: PasswordHasher) {}
  hash(password: string) {
    return this.inner.hash(password);
  }
  verify(password: string, stored: string) {
    this.checks += 1;
    return this.inner.verify(password, stored);
  }
  burn(password: string) {
    this.checks += 1;
    return this.inner.burn(password);
  }
}

let f: ApiFixture;
let hasher: CountingHasher;
beforeEach(async () => {
  hasher = new CountingHasher(new ScryptPasswordHasher(FAST_SCRYPT));
  f = await startApiFixture({ throttle: new LoginThrottle(), passwords: hasher });
  await f.service.createAccount('alice', 'alice-password', { role: 'agent', agentId: 'a1' });
});
afterEach(() => f.close());

const login = (username: string, password: string) => f.call('POST', '/api/v1/auth/login', undefined, { username, password });

it('100 concurrent wrong passwords for one username get only the free attempts checked', async () => {
  hasher.checks = 0;
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login('alice', `wrong-${i}`)));
  const statuses = answers.map((a) => a.status);
  console.log(
    `100 concurrent wrong passwords: ${hasher.checks} password checks made (allowed ${DEFAULT_THROTTLE.freeAttempts}); ` +
      `${statuses.filter((s) => s === 401).length} × 401, ${statuses.filter((s) => s === 429).length} × 429`,
  );
  expect(hasher.checks).toBe(DEFAULT_THROTTLE.freeAttempts);
  expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_THROTTLE.freeAttempts);
  expect(statuses.filter((s) => s === 429)).toHaveLength(100 - DEFAULT_THROTTLE.freeAttempts);
  // Even the right password waits now.
  expect((await login('alice', 'alice-password')).status).toBe(429);
});

it('an unknown username is throttled the same way (its checks are burnt, not skipped)', async () => {
  hasher.checks = 0;
  await Promise.all(Array.from({ length: 50 }, (_, i) => login('nobody', `guess-${i}`)));
  expect(hasher.checks).toBe(DEFAULT_THROTTLE.freeAttempts);
});

it('a correct password within the free attempts logs in and gives the attempt back', async () => {
  for (let i = 0; i < DEFAULT_THROTTLE.freeAttempts - 1; i++) expect((await login('alice', 'wrong')).status).toBe(401);
  expect((await login('alice', 'alice-password')).status).toBe(200);
  expect((await login('alice', 'wrong')).status).toBe(401);
});
