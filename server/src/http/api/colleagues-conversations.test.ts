// A colleague's conversation, over real HTTP on the composed server (SQLite file) and the WeChat emulator:
// two agents of one merchant; the one who does not hold the conversation may read it but not reply,
// transfer, end or take it (403 not_assignee); once it is back in the queue they may take it; a channel
// setting hides colleagues' conversations from agents altogether; the merchant's admin acts on it all along.
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let second: { id: string; token: string };
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  const agent = await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.platform, {
    name: '一号店二号客服',
    merchantId: p.merchants.m1,
    status: 'online',
    maxConcurrent: 5,
  });
  const token = await p.call('POST', '/tokens', p.tokens.platform, { name: 'm1 second', grant: { role: 'agent', agentId: agent.json.id } });
  second = { id: agent.json.id, token: token.json.token };
});
afterAll(() => stack.close());

it('a colleague’s conversation is read-only, the queue stays open to all, the setting hides it, admins act', async () => {
  const id = await customerWrites(stack, 'oColleague1', '你好', MERCHANT_CODES.m1);
  const holderId = (await p.call('GET', `/conversations/${id}`, p.tokens.m1Admin)).json.agentId as string;
  const tokenOf = (agentId: string) => (agentId === second.id ? second.token : p.tokens.m1Agent);
  const holder = tokenOf(holderId);
  const colleagueId = holderId === second.id ? p.agents.m1 : second.id;
  const colleague = tokenOf(colleagueId);

  // Read-only: visible with its messages …
  expect((await p.call('GET', `/conversations/${id}`, colleague)).status).toBe(200);
  expect((await p.call('GET', `/conversations/${id}/messages`, colleague)).status).toBe(200);
  // … but every action is refused with 403 not_assignee, and nothing changes.
  const refused = [
    await p.call('POST', `/conversations/${id}/reply`, colleague, { text: '我来接' }),
    await p.call('POST', `/conversations/${id}/reply`, colleague, {
      card: { title: '商品', pagePath: 'pages/a/index', thumbMedia: 'media:none' },
    }),
    await p.call('POST', `/conversations/${id}/transfer`, colleague, { to: { kind: 'agent', agentId: colleagueId } }),
    await p.call('POST', `/conversations/${id}/transfer`, colleague, { to: { kind: 'queue' } }),
    await p.call('POST', `/conversations/${id}/end`, colleague, {}),
    await p.call('POST', `/conversations/${id}/take`, colleague, {}),
    await p.call('POST', `/conversations/${id}/reply`, colleague, { knowledge: { number: 1 } }),
  ];
  expect(refused.map((r) => [r.status, r.json?.error?.code])).toEqual(refused.map(() => [403, 'not_assignee']));
  expect((await p.call('GET', `/conversations/${id}`, p.tokens.m1Admin)).json).toMatchObject({ state: 'assigned', agentId: holderId });
  expect((await p.call('POST', `/conversations/${id}/reply`, holder, { text: '您好，请讲' })).status).toBe(202);

  // The setting hides it from the colleague (404, gone from the list); the holder and the admin still see it.
  expect((await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, { colleaguesConversations: 'hidden' })).status).toBe(
    200,
  );
  expect((await p.call('GET', `/conversations/${id}`, colleague)).status).toBe(404);
  expect((await p.call('GET', `/conversations/${id}/messages`, colleague)).status).toBe(404);
  const listed = async (token: string) =>
    ((await p.call('GET', `/channels/${CHANNEL.id}/conversations`, token)).json.items as Array<{ id: string }>).map((c) => c.id);
  expect(await listed(colleague)).not.toContain(id);
  expect(await listed(holder)).toContain(id);
  expect(await listed(p.tokens.m1Admin)).toContain(id);
  expect((await p.call('POST', `/conversations/${id}/end`, colleague, {})).status).toBe(404);
  expect((await p.call('PUT', `/channels/${CHANNEL.id}/settings`, p.tokens.platform, {})).status).toBe(200);

  // Back in the queue, it is anyone's to take: the colleague takes it (or routing already gave it to them).
  expect((await p.call('POST', `/conversations/${id}/transfer`, holder, { to: { kind: 'queue' } })).status).toBe(200);
  const now = (await p.call('GET', `/conversations/${id}`, colleague)).json;
  if (now.state === 'queued') {
    const take = await p.call('POST', `/conversations/${id}/transfer`, colleague, { to: { kind: 'agent', agentId: colleagueId } });
    expect(take.status).toBe(200);
  }
  await eventually(async () => ((await p.call('GET', `/conversations/${id}`, colleague)).json.agentId === colleagueId ? true : undefined));
  expect((await p.call('POST', `/conversations/${id}/reply`, colleague, { text: '我来为您服务' })).status).toBe(202);
  // Now the first agent is the colleague, read-only.
  expect((await p.call('POST', `/conversations/${id}/reply`, holder, { text: '还是我' })).status).toBe(403);

  // The merchant's admin acts on any of the merchant's conversations.
  expect((await p.call('POST', `/conversations/${id}/end`, p.tokens.m1Admin, {})).status).toBe(204);
});
