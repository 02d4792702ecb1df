// Logins across nodes: two AuthServices, each on its own pool like two server processes, on one real
// PostgreSQL database. Their throttle counts in the database, so a burst of wrong passwords spread over
// both gets at most the free attempts checked; sessions live in the database, so either node honours
// (and revokes) the other's.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AuthService } from '../../app/auth/auth-service';
import { SharedLoginThrottle } from '../../app/auth/shared-login-throttle';
import type { PasswordHasher } from '../../core/ports/credentials';
import { nodeCredentials } from '../../security/index';
import { pgAuthStores } from './pg-auth';
import { PgLoginAttempts } from './pg-login-attempts';
import { PgUnitOfWork } from './pg-unit-of-work';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
let checks = 0;

beforeEach(async () => {
  await db.truncate();
  checks = 0;
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
});

/** One node's login stories; every password check (verify or burn) is counted. */
function node(): AuthService {
  const pool = openPool(db.url());
  pools.push(pool);
  const { passwords, secrets } = nodeCredentials({ N: 1024, r: 8, p: 1 });
  const counted: PasswordHasher = {
    hash: (p) => passwords.hash(p),
    verify: (p, h) => {
      checks++;
      return passwords.verify(p, h);
    },
    burn: (p) => {
      checks++;
      return passwords.burn(p);
    },
  };
  return new AuthService({
    stores: pgAuthStores(pool),
    uow: new PgUnitOfWork(pool),
    clock: { now: () => Date.now() },
    ids: { next: (kind) => `${kind}_${Date.now().toString(36)}${randomUUID().slice(0, 8)}` },
    passwords: counted,
    secrets,
    throttle: new SharedLoginThrottle(new PgLoginAttempts(pool), { freeAttempts: 5, freeAttemptsPerIp: 1000, baseDelayMs: 60_000 }),
  });
}

describe('logins on two nodes sharing PostgreSQL', () => {
  it('100 concurrent wrong passwords spread over two nodes get at most 5 checks; the rest wait (429)', async () => {
    const [a, b] = [node(), node()];
    await a.createAccount('boss', 'boss-password', { role: 'platform_admin' });
    checks = 0;
    const tries = [...Array(100).keys()].map((i) => (i % 2 ? a : b).login('boss', `wrong-${i}`, `10.0.0.${i % 7}`));
    const outcomes = await Promise.allSettled(tries);
    const statuses = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { status?: number }).status : 200));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    expect(checks).toBe(5);
    // Even the right password now waits, on either node.
    await expect(b.login('boss', 'boss-password', '10.0.0.99')).rejects.toMatchObject({ status: 429 });
  });

  it('a right password gives the count back: the username starts afresh on the other node too', async () => {
    const [a, b] = [node(), node()];
    await a.createAccount('boss', 'boss-password', { role: 'platform_admin' });
    for (let i = 0; i < 4; i++) await expect(a.login('boss', 'wrong', 'ip')).rejects.toMatchObject({ status: 401 });
    await b.login('boss', 'boss-password', 'ip');
    for (let i = 0; i < 5; i++) await expect(b.login('boss', 'wrong', 'ip')).rejects.toMatchObject({ status: 401 });
    await expect(a.login('boss', 'wrong', 'ip')).rejects.toMatchObject({ status: 429 });
  });

  it('a session made on node A is valid on node B, and logging out on B ends it on A', async () => {
    const [a, b] = [node(), node()];
    await a.createAccount('boss', 'boss-password', { role: 'platform_admin' });
    const login = await a.login('boss', 'boss-password', 'ip');
    expect(await b.authenticate(login.token)).toMatchObject({ role: 'platform_admin' });
    await b.logoutToken(login.token);
    await expect(a.authenticate(login.token)).rejects.toMatchObject({ status: 401 });
    await expect(b.authenticate(login.token)).rejects.toMatchObject({ status: 401 });
  });
});
