// One access token per app across nodes: two brokers on two pools (two nodes) against the emulator ask
// at once and WeChat sees ONE token call; the other node waits for the refresh lock and uses the token
// the first stored. With cgi-bin/token a second call would revoke the first node's token.
import type pg from 'pg';
import { callCount, MINI_PROGRAM, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import type { TokenSource } from '../../core/ports/token-store';
import { wire } from '../../wechat/outbound/testing/emulated-api';
import { EncryptedTokenStore } from '../encrypted-token-store';
import { SecretBox } from '../secret-box';
import { PgTokenStore } from './pg-token-store';
import { openPool } from './pool';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
let pools: pg.Pool[] = [];
let emu: TestEmulator;
const key = new Uint8Array(32).fill(7);

beforeEach(async () => {
  await db.truncate();
  emu = await startTestEmulator();
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  pools = [];
  await emu.close();
});

/** One node's broker: its own pool and sealed token store, as the server composes them. */
function nodeBroker(source: TokenSource) {
  const pool = openPool(db.url());
  pools.push(pool);
  return wire(emu, MINI_PROGRAM, { store: new EncryptedTokenStore(new PgTokenStore(pool), new SecretBox(key)), source }).broker;
}

describe('access tokens on PostgreSQL across nodes', () => {
  it.each([
    ['stable', 'cgi-bin/stable_token'],
    ['basic', 'cgi-bin/token'],
  ] as const)('two nodes asking at once for a %s token make one %s call', async (source, api) => {
    const [a, b] = [nodeBroker(source), nodeBroker(source)];
    await emu.faults.delay(api, 300); // the first node's fetch is slow: the second is surely waiting meanwhile
    const tokens = await Promise.all([a.getToken(), b.getToken(), a.getToken(), b.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(callCount(emu.state, api)).toBe(1);
    console.log(`two nodes asking for a ${source} token at once: ${callCount(emu.state, api)} ${api} call`);
    // A third node starting later reads it too.
    await expect(nodeBroker(source).getToken()).resolves.toBe(tokens[0]);
    expect(callCount(emu.state, api)).toBe(1);
  });

  it('a token WeChat rejected is refreshed once: the other node then uses the new one', async () => {
    const [a, b] = [nodeBroker('stable'), nodeBroker('stable')];
    const first = await a.getToken();
    expect(await b.getToken()).toBe(first);
    await a.invalidate(first);
    await b.invalidate(first);
    const [x, y] = await Promise.all([a.getToken(), b.getToken()]);
    expect(x).toBe(y);
    expect(callCount(emu.state, 'cgi-bin/stable_token')).toBe(2);
  });
});
