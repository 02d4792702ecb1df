// Roles over real HTTP on the composed server (SQLite file) and the WeChat emulator. The walk calls every
// route of the published route table (the OpenAPI document is generated from the declarations) as a
// supervisor: routes that do not admit supervisors answer 403, those that do never answer 403, and a
// write a supervisor reaches must be conversation work (the list below), so a new settings route that
// forgets its roles fails here. Then a supervisor's day: sees a colleague's conversation, reassigns it,
// reads the dashboard, and is refused every settings change.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

/** The writes a supervisor may make: working conversations, and its own login. Nothing else. */
const SUPERVISOR_WRITES = new Set([
  'POST /auth/logout',
  'PUT /me/password',
  'POST /conversations/{conversationId}/reply',
  'POST /conversations/{conversationId}/transfer',
  'POST /conversations/{conversationId}/take',
  'POST /conversations/{conversationId}/end',
  'POST /conversations/{conversationId}/notes',
  'PUT /conversations/{conversationId}/tags',
  'PUT /customers/{customerId}/tags',
  'POST /channels/{channelId}/media',
]);

interface Operation {
  method: string;
  path: string;
  roles: string[];
}

let stack: Stack;
let p: People;
let conversationId: string;
let customerId: string;
let supervisor: string;
let m2Supervisor: string;
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  const token = async (grant: unknown) =>
    (await p.call('POST', '/tokens', p.tokens.platform, { name: 'lead', grant })).json.token as string;
  supervisor = await token({ role: 'supervisor', channelId: CHANNEL.id });
  m2Supervisor = await token({ role: 'supervisor', channelId: CHANNEL.id, merchantId: p.merchants.m2 });
  conversationId = await customerWrites(stack, 'oRoles1', '你好', MERCHANT_CODES.m1);
  customerId = (await p.call('GET', `/conversations/${conversationId}`, p.tokens.platform)).json.customerId;
});
afterAll(() => stack.close());

async function operations(): Promise<Operation[]> {
  const doc = (await p.call('GET', '/openapi.json', undefined)).json as {
    paths: Record<string, Record<string, { 'x-roles': string[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, roles: op['x-roles'] })),
  );
}

/** Real ids where the walk has them (a 404 for a made-up id is fine: it is not a 403). */
function fill(path: string): string {
  const ids: Record<string, string> = {
    channelId: CHANNEL.id,
    conversationId,
    customerId,
    agentId: p.agents.m1,
    merchantId: p.merchants.m1,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '01NOSUCHRECORD000000000000');
}

it('walks the whole route table as a supervisor: settings answer 403, conversation work and reports never do', async () => {
  const all = (await operations()).filter((o) => o.roles.length > 0);
  expect(all.length).toBeGreaterThan(100);
  const writes = all.filter((o) => o.method !== 'GET' && o.roles.includes('supervisor')).map((o) => `${o.method} ${o.path}`);
  expect(writes.filter((w) => !SUPERVISOR_WRITES.has(w))).toEqual([]);
  // Ending and logging out last: they change what the other calls find.
  const last = (o: Operation) => (o.path.endsWith('/end') || o.path.endsWith('/logout') ? 1 : 0);
  const wrong: string[] = [];
  for (const o of [...all].sort((a, b) => last(a) - last(b))) {
    const answer = await p.call(o.method, fill(o.path), supervisor, o.method === 'GET' ? undefined : {});
    const admitted = o.roles.includes('supervisor');
    if (admitted === (answer.status === 403)) wrong.push(`${o.method} ${o.path}: ${answer.status} ${answer.text.slice(0, 120)}`);
  }
  expect(wrong).toEqual([]);
  // Reports, the dashboard and the exports are a supervisor's.
  for (const path of ['/dashboard', '/conversations/export.csv', '/messages/export.csv', '/reports/tags'])
    expect(all.find((o) => o.path === `/channels/{channelId}${path}`)?.roles).toContain('supervisor');
});

describe('a supervisor’s day', () => {
  let colleague: string;
  let id: string;
  beforeAll(async () => {
    colleague = (
      await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.platform, {
        name: '一号店二号客服',
        merchantId: p.merchants.m1,
        status: 'online',
        maxConcurrent: 5,
      })
    ).json.id;
    id = await customerWrites(stack, 'oRoles2', '我的订单', MERCHANT_CODES.m1);
  });

  it('sees every conversation of the channel, reassigns one, reads the dashboard', async () => {
    const listed = await p.call('GET', `/channels/${CHANNEL.id}/conversations?state=assigned`, supervisor);
    expect(listed.status).toBe(200);
    expect((listed.json.items as Array<{ id: string }>).map((c) => c.id)).toContain(id);
    const holder = (await p.call('GET', `/conversations/${id}`, supervisor)).json.agentId as string;
    const to = holder === colleague ? p.agents.m1 : colleague;
    const moved = await p.call('POST', `/conversations/${id}/transfer`, supervisor, { to: { kind: 'agent', agentId: to } });
    expect(moved.status).toBe(200);
    expect((await p.call('GET', `/conversations/${id}`, p.tokens.m1Admin)).json).toMatchObject({ state: 'assigned', agentId: to });
    expect((await p.call('GET', `/channels/${CHANNEL.id}/dashboard`, supervisor)).status).toBe(200);
    // A supervisor may reply too, as an admin does: naming the agent it answers for.
    expect((await p.call('POST', `/conversations/${id}/reply`, supervisor, { text: '主管来帮您', agentId: to })).status).toBe(202);
  });

  it('a merchant’s supervisor sees only that merchant', async () => {
    expect((await p.call('GET', `/conversations/${id}`, m2Supervisor)).status).toBe(403);
    const listed = await p.call('GET', `/channels/${CHANNEL.id}/conversations`, m2Supervisor);
    expect((listed.json.items as Array<{ merchantId?: string }>).every((c) => c.merchantId === p.merchants.m2)).toBe(true);
    expect((await p.call('GET', `/channels/${CHANNEL.id}/conversations?merchantId=${p.merchants.m1}`, m2Supervisor)).status).toBe(403);
  });

  it('changes no settings', async () => {
    const refused = [
      await p.call('PUT', `/channels/${CHANNEL.id}/settings`, supervisor, { colleaguesConversations: 'hidden' }),
      await p.call('POST', `/channels/${CHANNEL.id}/agents`, supervisor, { name: '新人' }),
      await p.call('PATCH', `/agents/${colleague}`, supervisor, { maxConcurrent: 1 }),
      await p.call('PUT', `/agents/${colleague}/status`, supervisor, { status: 'offline' }),
      await p.call('POST', '/accounts', supervisor, { username: 'sneaky', password: 'password-123', grant: { role: 'platform_admin' } }),
      await p.call('POST', '/tokens', supervisor, { name: 'x', grant: { role: 'platform_admin' } }),
    ];
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 403));
  });

  it('only admins make supervisors: a merchant admin for its own merchant, a platform admin for a whole channel', async () => {
    const make = (token: string, grant: unknown, username: string) =>
      p.call('POST', '/accounts', token, { username, password: 'password-123', grant });
    expect(
      (await make(p.tokens.m1Admin, { role: 'supervisor', channelId: CHANNEL.id, merchantId: p.merchants.m1 }, 'lead-m1')).status,
    ).toBe(201);
    expect((await make(p.tokens.m1Admin, { role: 'supervisor', channelId: CHANNEL.id }, 'lead-all')).status).toBe(403);
    expect(
      (await make(p.tokens.m1Admin, { role: 'supervisor', channelId: CHANNEL.id, merchantId: p.merchants.m2 }, 'lead-m2')).status,
    ).toBe(403);
    const made = await make(p.tokens.platform, { role: 'supervisor', channelId: CHANNEL.id }, 'lead-all');
    expect(made.json.grant).toEqual({ role: 'supervisor', channelId: CHANNEL.id });
    const login = await p.call('POST', '/auth/login', undefined, { username: 'lead-all', password: 'password-123' });
    expect(login.json.principal).toMatchObject({ role: 'supervisor', channelId: CHANNEL.id });
  });
});
