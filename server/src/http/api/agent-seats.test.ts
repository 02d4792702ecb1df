// An agent who works in two channels with one login, over real HTTP on the composed server (SQLite file)
// and the WeChat emulator: the login is linked to one agent record per channel, answers customers in both
// (each reply sent as the agent of that conversation's channel), and X-Kefu-Channel picks the agent a
// request acts as when nothing in it names a channel.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { addSecondChannel, customerWritesIn, SECOND } from './testing/second-channel';
import { arrangePeople, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let second: string;
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  await addSecondChannel(stack);
  second = (await p.call('POST', `/channels/${SECOND.id}/agents`, p.tokens.platform, { name: '小王', status: 'online', maxConcurrent: 5 }))
    .json.id;
});
afterAll(() => stack.close());

const password = 'password-123';

it('one login answers in two channels, as the agent of each', async () => {
  const made = await p.call('POST', '/accounts', p.tokens.platform, {
    username: 'wang',
    password,
    grant: { role: 'agent', agentId: p.agents.platform, agentIds: [p.agents.platform, second] },
  });
  expect(made.status).toBe(201);
  expect(made.json.grant).toEqual({ role: 'agent', agentId: p.agents.platform, agentIds: [p.agents.platform, second] });
  const login = await p.call('POST', '/auth/login', undefined, { username: 'wang', password });
  const token = login.json.token as string;
  expect(login.json.principal).toMatchObject({
    role: 'agent',
    agentId: p.agents.platform,
    seats: [
      { agentId: p.agents.platform, channelId: CHANNEL.id },
      { agentId: second, channelId: SECOND.id },
    ],
  });

  const inFirst = await customerWritesIn(stack, { id: CHANNEL.id, appId: CHANNEL.appId }, 'oSeat1', '第一个店');
  const inSecond = await customerWritesIn(stack, SECOND, 'oSeat2', '第二个店');
  expect((await p.call('GET', `/conversations/${inSecond}`, token)).json).toMatchObject({ channelId: SECOND.id, agentId: second });
  const mine = await p.call('GET', `/channels/${SECOND.id}/conversations?state=assigned`, token);
  expect((mine.json.items as Array<{ id: string }>).map((c) => c.id)).toEqual([inSecond]);

  expect((await p.call('POST', `/conversations/${inFirst}/reply`, token, { text: '一店回复' })).status).toBe(202);
  expect((await p.call('POST', `/conversations/${inSecond}/reply`, token, { text: '二店回复' })).status).toBe(202);
  const messages = await p.call('GET', `/conversations/${inSecond}/messages`, token);
  const senders = (messages.json.items as Array<{ sender: { kind: string; agentId?: string } }>).filter((m) => m.sender.kind === 'agent');
  expect(senders.map((m) => m.sender.agentId)).toEqual([second]);
  await expectDelivered(stack, 'oSeat1', '一店回复');
  await expectDelivered(stack, 'oSeat2', '二店回复');
});

it('links an existing one-agent login to its agent in another channel, from its next request on', async () => {
  const second2 = (await p.call('POST', `/channels/${SECOND.id}/agents`, p.tokens.platform, { name: '小李', status: 'offline' })).json.id;
  const made = await p.call('POST', '/accounts', p.tokens.m1Admin, {
    username: 'xiaoli',
    password,
    grant: { role: 'agent', agentId: p.agents.m1 },
  });
  const token = (await p.call('POST', '/auth/login', undefined, { username: 'xiaoli', password })).json.token as string;
  expect((await p.call('GET', `/channels/${SECOND.id}/conversations`, token)).status).toBe(403);
  const grant = { role: 'agent', agentId: p.agents.m1, agentIds: [p.agents.m1, second2] };
  // The merchant admin does not reach the other channel's agent; the platform admin does.
  expect((await p.call('PUT', `/accounts/${made.json.id}/grant`, p.tokens.m1Admin, { grant })).status).toBe(403);
  const linked = await p.call('PUT', `/accounts/${made.json.id}/grant`, p.tokens.platform, { grant });
  expect(linked.json.grant).toEqual(grant);
  expect((await p.call('GET', `/channels/${SECOND.id}/conversations`, token)).status).toBe(200);
  expect((await p.call('GET', '/me', token)).json.seats).toHaveLength(2);
  // Once linked to another channel, the merchant admin no longer manages it.
  expect((await p.call('GET', '/accounts', p.tokens.m1Admin)).json.items.map((a: { username: string }) => a.username)).not.toContain(
    'xiaoli',
  );
});

it('X-Kefu-Channel picks the agent a request acts as; a channel without a linked agent is refused', async () => {
  const login = await p.call('POST', '/auth/login', undefined, { username: 'wang', password });
  const me = async (channel?: string) =>
    (
      await fetch(`${stack.baseUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${login.json.token}`, ...(channel && { 'x-kefu-channel': channel }) },
      })
    ).json() as Promise<{ agentId: string; channelId: string }>;
  expect(await me()).toMatchObject({ agentId: p.agents.platform, channelId: CHANNEL.id });
  expect(await me(SECOND.id)).toMatchObject({ agentId: second, channelId: SECOND.id });
  const channels = await p.call('GET', '/channels', login.json.token);
  expect((channels.json.items as Array<{ id: string }>).map((c) => c.id).sort()).toEqual([CHANNEL.id, SECOND.id].sort());
  expect(await me('elsewhere')).toMatchObject({ agentId: p.agents.platform, channelId: CHANNEL.id });
  expect((await p.call('GET', `/channels/elsewhere/conversations`, login.json.token)).status).toBe(403);
});

it('refuses two agents of one channel in one login, and a merchant admin linking another merchant’s agent', async () => {
  const twice = await p.call('POST', '/accounts', p.tokens.platform, {
    username: 'twice',
    password,
    grant: { role: 'agent', agentId: p.agents.m1, agentIds: [p.agents.m1, p.agents.m2] },
  });
  expect(twice.status).toBe(400);
  expect(twice.json.error.message).toContain('one per channel');
  const foreign = await p.call('POST', '/accounts', p.tokens.m1Admin, {
    username: 'foreign',
    password,
    grant: { role: 'agent', agentId: p.agents.m1, agentIds: [p.agents.m1, second] },
  });
  expect(foreign.status).toBe(403);
});

async function expectDelivered(s: Stack, openid: string, text: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!(await s.delivered(openid)).includes(text)) {
    if (Date.now() > until) throw new Error(`${text} never reached ${openid}: ${JSON.stringify(await s.delivered(openid))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
