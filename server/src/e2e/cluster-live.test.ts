// Two composed servers (real ports) on one PostgreSQL database, as two nodes behind a load balancer: a
// customer's message pushed to node A is heard live by node B's subscribers (exactly once on each node),
// logins share one guessing budget and one set of sessions, and each node's /healthz and /metrics name it.
import type { EngineNotice } from '../core/ports/notifier';
import { openSse } from '../http/workbench/testing/sse-client';
import { usePostgres } from '../storage/postgres/testing/test-cluster';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

const pg = usePostgres();
let stacks: Stack[] = [];
afterEach(async () => {
  await Promise.all(stacks.map((s) => s.close()));
  stacks = [];
});

async function twoNodes(): Promise<[Stack, Stack]> {
  const url = await pg.createDatabase();
  const a = await startStack({ databaseUrl: url });
  stacks.push(a);
  const b = await startStack({ databaseUrl: url });
  stacks.push(b);
  return [a, b];
}

const login = (s: Stack, password: string) =>
  fetch(`${s.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });

describe('two nodes on one PostgreSQL database', () => {
  it('a message pushed to node A reaches the live subscribers of both nodes, once each', async () => {
    const [a, b] = await twoNodes();
    const heard = { a: [] as EngineNotice[], b: [] as EngineNotice[] };
    a.server.notices.subscribe((n) => heard.a.push(...n));
    b.server.notices.subscribe((n) => heard.b.push(...n));
    await a.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer1', 'text', { text: '你好，有人吗' });
    const inbound = (n: EngineNotice) => n.type === 'message_added' && n.message?.direction === 'in';
    await eventually(async () => (heard.a.some(inbound) && heard.b.some(inbound) ? true : undefined));
    await new Promise((r) => setTimeout(r, 300)); // time for any duplicate to arrive
    expect(heard.a.filter(inbound)).toHaveLength(1);
    expect(heard.b.filter(inbound)).toHaveLength(1);
    expect(heard.b.find(inbound)).toEqual(heard.a.find(inbound));
  });

  it("a browser's live channel on node B shows a customer's message pushed to node A", async () => {
    const [a, b] = await twoNodes();
    const { token } = (await (await login(a, 'admin-password-1')).json()) as { token: string };
    const stream = await openSse(`${b.baseUrl}/api/v1/events`, { authorization: `Bearer ${token}` });
    try {
      await stream.next((e) => e.event === 'ready');
      await a.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer2', 'text', { text: '请问发货了吗' });
      const event = await stream.next((e) => e.event === 'message_added', 5000);
      expect(event.data).toMatchObject({ message: { direction: 'in', content: { text: '请问发货了吗' } } });
    } finally {
      stream.close();
    }
  });

  it('wrong passwords on both nodes draw on one budget; a session from A is honoured and ended on B', async () => {
    const [a, b] = await twoNodes();
    const session = ((await (await login(a, 'admin-password-1')).json()) as { token: string }).token;
    const me = (s: Stack) => fetch(`${s.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${session}` } });
    expect((await me(b)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(i % 2 ? a : b, `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login(a, 'admin-password-1')).status).toBe(429);
    await fetch(`${b.baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${session}` } });
    expect((await me(a)).status).toBe(401);
  });

  it('each node names itself on /healthz and /metrics and says its database is up', async () => {
    const [a, b] = await twoNodes();
    const health = async (s: Stack) => (await fetch(`${s.baseUrl}/healthz`)).json() as Promise<{ node: string; database: string }>;
    const [ha, hb] = [await health(a), await health(b)];
    expect(ha).toMatchObject({ status: 'ok', database: 'up' });
    expect(ha.node).toMatch(/-\d+$/); // host-pid by default
    const metrics = await (await fetch(`${b.baseUrl}/metrics`)).text();
    expect(metrics).toContain(`kefu_node_info{node="${hb.node}"} 1`);
  });
});
