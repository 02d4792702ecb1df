// Without a reachable PostgreSQL the PostgreSQL tests fail, saying how to install it; they never skip.
import { INSTALL_HINT, startTestCluster } from './test-cluster';

describe('the PostgreSQL test cluster', () => {
  const saved = process.env.TEST_DATABASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  });

  it('fails with the install hint, never skips, when the server cannot be reached; the password is not shown', async () => {
    process.env.TEST_DATABASE_URL = 'postgres://kefu:hunter2@127.0.0.1:1/kefu';
    const cluster = await startTestCluster();
    const failure = cluster.createDatabase();
    await expect(failure).rejects.toThrow(INSTALL_HINT);
    await expect(failure).rejects.toThrow('postgres://kefu:***@127.0.0.1:1/kefu');
    await expect(failure).rejects.not.toThrow('hunter2');
  });
});
