// End to end on PostgreSQL (DATABASE_URL): the composed server (real port) on a throwaway PostgreSQL
// cluster and the WeChat emulator. A customer's push is stored, routed and answered, an agent answers
// through the REST API, WeChat receives both; after a restart everything is still there, and a second
// server on the same database sees it too.
import { usePostgres } from '../storage/postgres/testing/test-cluster';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

const pg = usePostgres();
const stacks: Stack[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});

async function stackOn(databaseUrl: string): Promise<Stack> {
  const stack = await startStack({ databaseUrl });
  stacks.push(stack);
  return stack;
}

interface Item {
  id: string;
  state?: string;
  direction?: string;
  content?: { text?: string };
  delivery?: { status: string };
}

describe('the server on PostgreSQL', () => {
  it('a customer writes, an agent is assigned and answers, WeChat delivers both; a restart and another node keep it all', async () => {
    const url = await pg.createDatabase();
    const stack = await stackOn(url);
    expect(() => stack.server.db).toThrow(/PostgreSQL/);
    const agent = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小王', maxConcurrent: 3 });
    await stack.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
    await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oCustomer1', 'text', { text: '你好，我想问一下订单' });
    const conversations = async () => (await stack.api<{ items: Item[] }>('GET', `/channels/${CHANNEL.id}/conversations`)).body.items;
    const [conversation] = await eventually(async () =>
      (await conversations()).some((c) => c.state === 'assigned') ? conversations() : undefined,
    );
    const reply = await stack.api('POST', `/conversations/${conversation?.id}/reply`, {
      agentId: agent.body.id,
      text: '您好，请问订单号是多少？',
    });
    expect(reply.status).toBe(202);
    await eventually(async () => ((await stack.delivered('oCustomer1')).includes('您好，请问订单号是多少？') ? true : undefined));
    const history = async (s: Stack) =>
      (await s.api<{ items: Item[] }>('GET', `/conversations/${conversation?.id}/messages`)).body.items.map((m) => [
        m.direction,
        m.content?.text,
      ]);
    const expected = [
      ['in', '你好，我想问一下订单'],
      ['out', '您好，欢迎咨询！\n客服 小王 为您服务，请问有什么可以帮您？'],
      ['out', '您好，请问订单号是多少？'],
    ];
    await eventually(async () => (JSON.stringify(await history(stack)) === JSON.stringify(expected) ? true : undefined));

    await stack.restart();
    expect(await history(stack)).toEqual(expected);
    const other = await stackOn(url);
    expect(await history(other)).toEqual(expected);
    await expect(stack.api('GET', '/channels')).resolves.toMatchObject({ status: 200 });
    const health = await fetch(`${stack.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });
});
