// Two server processes on one PostgreSQL database behind the loopback balancer, WeChat (the emulator)
// pushing to the balancer: pushes spread over both nodes and WeChat's retries reaching the other node are
// stored once; a reply goes out once; a node killed mid-load loses nothing it acknowledged and the other
// finishes its work. Then what a cluster must share beyond storage: live events, timers, the access token,
// and a channel's push settings changed through one node.
import { usePostgres } from '../storage/postgres/testing/test-cluster';
import { openSse, type SseClient } from '../http/workbench/testing/sse-client';
import { buildPush, type BuiltPush, exampleMessage, verifyUrl } from '../wechat/push-client/index';
import { prepareServerProcesses, SECURE_CHANNEL, type ServerProcesses } from './testing/server-process';
import { eventually } from './testing/stack';
import { startTwoNodes, type TwoNodes } from './testing/two-nodes';

const pg = usePostgres();
let processes: ServerProcesses;
let cluster: TwoNodes | undefined;
const streams: SseClient[] = [];
beforeAll(async () => {
  processes = await prepareServerProcesses('kefu-two-nodes-');
}, 60_000);
afterAll(() => processes.remove());
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await cluster?.close();
  cluster = undefined;
}, 30_000);

async function start(options: { testClock?: boolean } = {}): Promise<TwoNodes> {
  cluster = await startTwoNodes(processes, await pg.createDatabase(), options);
  return cluster;
}

const CHANNEL_ID = SECURE_CHANNEL.id;
const msgIdOf = (i: number) => String(25000000000000000000n + BigInt(i));

/** A customer's text push as WeChat builds it (same query and body on every retry). */
function push(c: TwoNodes, i: number, text = `消息 ${i}`, openId = `oLoad${i % 40}`): BuiltPush {
  const message = exampleMessage('text', {
    openId,
    originalId: SECURE_CHANNEL.originalId,
    createTime: Math.floor(Date.now() / 1000),
    msgId: msgIdOf(i),
    text,
  });
  return buildPush(c.target(), message);
}

/** Sends `p` to `base` (the balancer's URL by default): the answer, and which node served it. */
async function send(c: TwoNodes, p: BuiltPush, base = c.baseUrl): Promise<{ status: number; body: string; node?: string }> {
  const res = await fetch(p.url.replace(c.baseUrl, base), { method: 'POST', headers: { 'content-type': p.contentType }, body: p.body });
  return { status: res.status, body: await res.text(), node: res.headers.get('x-balancer-upstream') ?? undefined };
}

async function storedMsgIds(c: TwoNodes): Promise<string[]> {
  const { rows } = await c.db.query<{ id: string }>(
    'SELECT wechat_msg_id AS id FROM messages WHERE channel_id = $1 AND wechat_msg_id IS NOT NULL',
    [CHANNEL_ID],
  );
  return rows.map((r) => r.id);
}

const inboxCount = async (c: TwoNodes, state: string) =>
  Number((await c.db.query<{ n: string }>('SELECT count(*) AS n FROM inbox WHERE state = $1', [state])).rows[0]?.n);

async function onlineAgentWithLogin(c: TwoNodes, name: string): Promise<{ id: string; token: string }> {
  const agent = await c.api<{ id: string }>('POST', `/channels/${CHANNEL_ID}/agents`, { name, maxConcurrent: 5 });
  await c.api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  const username = `agent-${name.length}-${Date.now()}`;
  const account = await c.api('POST', '/accounts', {
    username,
    password: 'agent-password-1',
    grant: { role: 'agent', agentId: agent.body.id },
  });
  expect(account.status).toBe(201);
  return { id: agent.body.id, token: await c.login(username, 'agent-password-1') };
}

/** A customer writes in WeChat: the emulator pushes it to the balancer (and may be answered for 48 hours). */
async function customerSays(c: TwoNodes, openId: string, text: string): Promise<void> {
  await c.emulator.customerSays({ appId: SECURE_CHANNEL.appId } as never, openId, 'text', { text });
}

/** The first assigned conversation not among `known` (each test's customers write one at a time). */
async function assignedConversation(c: TwoNodes, known: string[] = []): Promise<{ id: string; state: string }> {
  return eventually(async () => {
    const { body } = await c.api<{ items: Array<{ id: string; state: string }> }>('GET', `/channels/${CHANNEL_ID}/conversations`);
    return body.items.find((x) => x.state === 'assigned' && !known.includes(x.id));
  }, 15_000);
}

describe('two nodes on one PostgreSQL database', () => {
  it('spreads pushes over both nodes; a retry reaching the other node is answered success and stored once', async () => {
    const c = await start();
    const ports = c.nodes.map((n) => String(n.port));
    const served: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 200) {
        const p = push(c, next++);
        const first = await send(c, p);
        expect([first.status, first.body]).toEqual([200, 'success']);
        served.push(first.node as string);
        // WeChat did not hear the answer in time and sends the same push again; the balancer gives it the other node.
        const other = c.nodes.find((n) => String(n.port) !== first.node);
        const retry = await send(c, p, other?.url);
        expect([retry.status, retry.body]).toEqual([200, 'success']);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    for (const port of ports) expect(served.filter((s) => s === port).length).toBeGreaterThan(50);
    await eventually(async () => ((await inboxCount(c, 'pending')) === 0 ? true : undefined), 30_000);
    const stored = await storedMsgIds(c);
    expect(stored.length).toBe(200);
    expect(new Set(stored)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => msgIdOf(i))));
    expect(await inboxCount(c, 'failed')).toBe(0);
  }, 90_000);

  it('a reply sent through node A goes out once', async () => {
    const c = await start();
    const agent = await onlineAgentWithLogin(c, '小王');
    await customerSays(c, 'oReply1', '你好，我想问一下订单');
    const conversation = await assignedConversation(c);
    const reply = await c.api(
      'POST',
      `/conversations/${conversation.id}/reply`,
      { agentId: agent.id, text: '您好，请问订单号是多少？' },
      c.nodes[0].url,
    );
    expect(reply.status).toBe(202);
    await eventually(async () => (c.delivered('oReply1').includes('您好，请问订单号是多少？') ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 1500)); // both nodes' senders have had time to send it again
    expect(c.delivered('oReply1').filter((t) => t === '您好，请问订单号是多少？')).toHaveLength(1);
  }, 60_000);

  it('a node killed with SIGKILL mid-load loses nothing it acknowledged; the other node finishes the work', async () => {
    const c = await start();
    const [a] = c.nodes;
    const acknowledged: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < 1500) {
        const i = next++;
        try {
          const answer = await send(c, push(c, i));
          if (answer.status === 200 && answer.body === 'success') acknowledged.push(msgIdOf(i));
        } catch {
          // the connection to the killed node broke mid-answer: never acknowledged
        }
        if (acknowledged.length === 300 && a.process.exitCode === null && !a.process.killed) a.process.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(a.process.killed).toBe(true);
    // Node B took the rest through the balancer: far more than node A had acknowledged when it died.
    expect(acknowledged.length).toBeGreaterThan(1000);
    await eventually(async () => ((await inboxCount(c, 'pending')) === 0 ? true : undefined), 30_000);
    const stored = await storedMsgIds(c);
    expect(acknowledged.filter((id) => !stored.includes(id))).toEqual([]);
    expect(new Set(stored).size).toBe(stored.length);
    expect(await inboxCount(c, 'failed')).toBe(0);
  }, 90_000);
});

describe('what the nodes share beyond storage', () => {
  it("an agent's event stream on node B sees a push that arrived at node A", async () => {
    const c = await start();
    const agent = await onlineAgentWithLogin(c, '小王');
    const [a, b] = c.nodes;
    const stream = await openSse(`${b.url}/api/v1/events`, { authorization: `Bearer ${agent.token}` });
    streams.push(stream);
    await stream.next((e) => e.event === 'ready');
    expect((await send(c, push(c, 7, '你好，在吗', 'oLive1'), a.url)).body).toBe('success');
    const added = await stream.next((e) => e.event === 'message_added', 3000);
    expect(added.data).toMatchObject({ channelId: CHANNEL_ID, message: { direction: 'in', content: { text: '你好，在吗' } } });
  }, 60_000);

  it('a timer due on both nodes fires once: the customer is told once', async () => {
    const c = await start({ testClock: true });
    await c.api('PUT', `/channels/${CHANNEL_ID}/settings`, {
      agentNoReplyMinutes: 5,
      customerSilenceMinutes: 0,
      quotaReservedForAgents: 0,
    });
    await onlineAgentWithLogin(c, '小王');
    await onlineAgentWithLogin(c, '小李');
    const clockOf = async (url: string) => ((await (await fetch(`${url}/testing/clock`)).json()) as { now: number }).now;
    await c.emulator.admin('/clock', { now: Math.max(...(await Promise.all(c.nodes.map((n) => clockOf(n.url))))) });
    await customerSays(c, 'oTimer1', '你好');
    const conversation = await assignedConversation(c);
    await eventually(async () => (c.delivered('oTimer1').length === 1 ? true : undefined), 10_000);
    // Each node has its own test clock. Both move together in 10 s steps, so they never stand further apart
    // than an outbox lease (12 s, judged on the claimer's clock); six minutes in one jump would let the node
    // ahead take the other's fresh lease for a dead sender's and send again, which real clocks never do.
    const moveTo = async (url: string, now: number) => {
      const res = await fetch(`${url}/testing/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      });
      return ((await res.json()) as { fired: Array<{ kind: string; conversationId: string }> }).fired;
    };
    const from = Math.max(...(await Promise.all(c.nodes.map((n) => clockOf(n.url)))));
    const fired: Array<{ kind: string; conversationId: string }> = [];
    for (let now = from + 10_000; now <= from + 6 * 60_000; now += 10_000) {
      fired.push(...(await Promise.all(c.nodes.map((n) => moveTo(n.url, now)))).flat());
    }
    expect(fired.filter((f) => f.kind === 'agent_no_reply' && f.conversationId === conversation.id)).toHaveLength(1);
    await eventually(async () => (c.delivered('oTimer1').length >= 2 ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(c.delivered('oTimer1')).toHaveLength(2);
  }, 60_000);

  it('both nodes needing a token at once fetch one between them', async () => {
    const c = await start();
    await onlineAgentWithLogin(c, '小王');
    await onlineAgentWithLogin(c, '小李');
    // WeChat answers token requests slowly, so the second node asks while the first one's fetch is in flight.
    for (const api of ['cgi-bin/token', 'cgi-bin/stable_token']) await c.emulator.faults.delay(api, 1500, 4);
    const customers = Array.from({ length: 6 }, (_, i) => `oToken${i}`);
    await Promise.all(customers.map((openId) => customerSays(c, openId, '你好')));
    // Every greeting went out (the senders of both nodes took part), on one token.
    await eventually(async () => (customers.every((openId) => c.delivered(openId).length === 1) ? true : undefined), 20_000);
    expect(c.tokenFetches()).toBe(1);
  }, 60_000);

  it('a Token saved through node A is accepted by node B at once: WeChat’s URL check and its pushes', async () => {
    const c = await start();
    const [a, b] = c.nodes;
    // Node B holds the channel in memory, read with the old Token.
    expect(await send(c, push(c, 900, '旧的 Token'), b.url)).toMatchObject({ status: 200, body: 'success' });
    const saved = await c.api('PATCH', `/channels/${CHANNEL_ID}`, { token: 'TokenSavedOnNodeA' }, a.url);
    expect(saved.status).toBe(200);
    // WeChat's console verifies the URL with the new Token as soon as the admin saves it there; the
    // balancer may send that check, and the pushes after it, to either node.
    const fresh = { ...c.target(b.url), token: 'TokenSavedOnNodeA' };
    const verified = await verifyUrl(fresh);
    expect({ status: verified.status, ok: verified.ok }).toEqual({ status: 200, ok: true });
    const message = exampleMessage('text', {
      openId: 'oNewToken',
      originalId: SECURE_CHANNEL.originalId,
      createTime: Math.floor(Date.now() / 1000),
      msgId: msgIdOf(901),
      text: '新的 Token',
    });
    expect(await send(c, buildPush(fresh, message), b.url)).toMatchObject({ status: 200, body: 'success' });
    await eventually(async () => ((await storedMsgIds(c)).includes(msgIdOf(901)) ? true : undefined), 10_000);
  }, 60_000);
});
