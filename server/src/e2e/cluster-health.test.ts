// /healthz on PostgreSQL says whether this node reaches the database, and says it fast: a composed
// server whose database server stops answers 503 "database down" within about a second, and the health
// check against a port where no database listens gives up just as fast.
import { openPgCluster } from '../storage/postgres/pg-cluster';
import { startTestCluster, type TestCluster } from '../storage/postgres/testing/test-cluster';
import { startStack, type Stack } from './testing/stack';

let cluster: TestCluster | undefined;
let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  await cluster?.stop();
  stack = undefined;
  cluster = undefined;
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await work();
  return { value, ms: Date.now() - start };
}

describe('/healthz on PostgreSQL', () => {
  it('answers up while the database answers, and 503 with the database down soon after it stops', async () => {
    cluster = await startTestCluster();
    stack = await startStack({ databaseUrl: await cluster.createDatabase() });
    const health = () => fetch(`${stack?.baseUrl}/healthz`).then(async (r) => ({ status: r.status, json: await r.json() }));
    expect(await health()).toMatchObject({ status: 200, json: { status: 'ok', database: 'up' } });
    await cluster.stop();
    cluster = undefined;
    const { value, ms } = await timed(health);
    expect(value).toMatchObject({ status: 503, json: { status: 'down', database: 'down', error: { code: 'unavailable' } } });
    console.log(`/healthz with the database stopped answered 503 in ${ms} ms`);
    expect(ms).toBeLessThan(1500);
  }, 60_000);

  it('gives up within its timeout where no database listens', async () => {
    const unreachable = openPgCluster('postgres://kefu@127.0.0.1:1/kefu', { nodeName: 'n1', deliver: () => undefined });
    try {
      const { value, ms } = await timed(() =>
        unreachable.health().then(
          () => 'up',
          () => 'down',
        ),
      );
      expect(value).toBe('down');
      console.log(`health check where no database listens gave up in ${ms} ms`);
      expect(ms).toBeLessThan(1500);
    } finally {
      await unreachable.close();
    }
  });
});
