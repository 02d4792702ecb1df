// The audit log, end to end on the composed server (a SQLite file, real HTTP): every route that changes
// something an admin manages, and every export, is walked from the served route table and called for
// real, and each call must leave an entry naming who did it. A new route that records nothing fails
// here until it records or is listed as exempt with its reason. Then every secret-bearing setting is
// changed, and none of the secrets appears in the log, in any answer or in the database file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isExportRoute } from '../http/api/export-audit';
import { AUDITED_CALLS, EXEMPT, PLATFORM, SECRET_VALUES, type Made, account, entry } from './testing/audit-route-calls';
import { CHANNEL, eventually, startStack, type Stack } from './testing/stack';

let stack: Stack;
let token: string;
beforeAll(async () => {
  stack = await startStack({ webhooks: { retry: { backoff: { baseMs: 100, maxMs: 400 }, giveUpAfterMs: 60_000 } } });
  const created = await stack.api<{ token: string }>('POST', '/tokens', { name: 'auditor', grant: { role: 'platform_admin' } });
  token = created.body.token;
}, 60_000);
afterAll(() => stack.close());

/** Every answer's text, kept for the secrets check. */
const answers: string[] = [];

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: any }> {
  const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  answers.push(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

async function made(method: string, path: string, body: unknown): Promise<string> {
  const answer = await call(method, path, body);
  expect([answer.status, path]).toEqual([201, path]);
  return answer.json.id ?? answer.json.webhook?.id;
}

async function arrange(): Promise<Made> {
  const C = `/channels/${CHANNEL.id}`;
  await call('POST', `${C}/knowledge`, entry(1));
  await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oAuditCustomer', 'text', { text: '你好' });
  const conversation = await eventually(async () => (await call('GET', `${C}/conversations`)).json.items?.[0]?.id as string | undefined);
  return {
    merchant: await made('POST', `${C}/merchants`, { code: 'm-1', name: 'One' }),
    agent: await made('POST', `${C}/agents`, { name: 'Ann', maxConcurrent: 2 }),
    group: await made('POST', `${C}/groups`, { name: 'Sales' }),
    calendar: await made('POST', `${C}/calendars`, { name: 'Hours', timeZone: 'Asia/Shanghai', workdays: [1], workdaySegments: [] }),
    account: await made('POST', '/accounts', account('lin')),
    token: (await call('POST', '/tokens', { name: 'temporary', grant: { role: 'platform_admin' } })).json.id,
    quickReply: await made('POST', `${C}/quick-replies`, { scope: 'team', title: 'Hello', text: 'Hello there' }),
    tag: await made('POST', `${C}/tags`, { name: 'New', color: '#00ff00' }),
    webhook: await made('POST', `${C}/webhooks`, { url: 'http://127.0.0.1:9/hook', events: ['message.received'] }),
    conversation,
  };
}

interface Operation {
  'x-audit'?: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** The served route table, as the OpenAPI document declares it: 'METHOD /path' with its operation. */
async function servedRoutes(): Promise<Array<{ route: string; method: string; path: string; op: Operation }>> {
  const doc = (await (await fetch(`${stack.baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([p, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const path = p.replace(/\{(\w+)\}/g, ':$1');
      return { route: `${method.toUpperCase()} ${path}`, method, path, op };
    }),
  );
}

/** 'METHOD /path' of every route the server serves that changes something or takes an export. */
async function recordableRoutes(): Promise<string[]> {
  const served = await servedRoutes();
  return served
    .filter((r) => r.method !== 'get' || isExportRoute({ method: r.method, audit: r.op['x-audit'] as 'export' }))
    .map((r) => r.route)
    .sort();
}

/**
 * What looks like a copy of the data handed out: a GET whose path names an export, a transcript or a
 * configuration file, or whose answer is a CSV or HTML file. Media (pictures, voice) are not: they are
 * the conversation itself, shown in the workbench.
 */
const looksLikeExport = (r: { method: string; path: string; op: Operation }) =>
  r.method === 'get' &&
  (/export|transcript|\/configuration$/.test(r.path) ||
    Object.values(r.op.responses).some((answer) => Object.keys(answer.content ?? {}).some((type) => /^text\/(csv|html)/.test(type))));

it("every route that hands out a copy of the data is declared an export (audit: 'export'), so the log records it", async () => {
  const served = await servedRoutes();
  const unflagged = served.filter((r) => looksLikeExport(r) && r.op['x-audit'] !== 'export').map((r) => r.route);
  expect(unflagged).toEqual([]);
  expect(served.filter((r) => r.op['x-audit'] === 'export').length).toBeGreaterThanOrEqual(11);
});

const newest = async () => (await call('GET', '/audit?limit=1')).json.items[0] as { id: string; action: string; actor: { name: string } };

it('every route that changes something, and every export, is either recorded or exempt with a reason', async () => {
  const listed = [...AUDITED_CALLS.map(([r]) => r), ...Object.keys(EXEMPT)].sort();
  expect(await recordableRoutes()).toEqual(listed);
});

it('each recorded route, called for real, leaves an entry naming the caller', async () => {
  const ids = await arrange();
  const missed: string[] = [];
  for (const [route, build] of AUDITED_CALLS) {
    const before = await newest();
    const c = build(ids);
    const answer = await call(c.method, c.path, c.body);
    expect([route, answer.status < 300 ? 'ok' : answer.text]).toEqual([route, 'ok']);
    const after = await newest();
    if (after.id === before.id || after.actor.name !== 'auditor') missed.push(route);
  }
  expect(missed).toEqual([]);
}, 60_000);

it('keeps no secret: not in the log, not in any answer, not in the database file', async () => {
  const C = `/channels/${CHANNEL.id}`;
  const changes: Array<[string, string, unknown]> = [
    ['PATCH', C, { token: SECRET_VALUES.channelToken, encodingAesKey: SECRET_VALUES.channelKey }],
    ['PATCH', C, { appSecret: SECRET_VALUES.appSecret, unionIdKey: SECRET_VALUES.unionIdKey }],
    ['PUT', '/platform', PLATFORM],
    [
      'PUT',
      '/platform',
      { appSecret: SECRET_VALUES.platformSecret2, token: SECRET_VALUES.platformToken2, encodingAesKey: SECRET_VALUES.platformKey2 },
    ],
    ['POST', '/accounts', account('secret-keeper')],
  ];
  for (const [method, path, body] of changes) {
    const answer = await call(method, path, body);
    expect([path, answer.status < 300 ? 'ok' : answer.text]).toEqual([path, 'ok']);
  }
  const issued = await call('POST', '/tokens', { name: 'one more', grant: { role: 'platform_admin' } });
  const hook = await call('POST', `${C}/webhooks`, { url: 'http://127.0.0.1:9/other', events: ['message.received'] });
  const shownOnce = [issued.json.token as string, hook.json.secret as string];
  const log = await call('GET', '/audit?limit=200');
  const csv = await call('GET', '/audit/export.csv');
  expect(log.text).toContain('secretsChanged');
  const files = readdirSync(stack.dir)
    .filter((f) => f.startsWith('kefu.db'))
    .map((f) => readFileSync(join(stack.dir, f)).toString('latin1'));
  const secrets = Object.values(SECRET_VALUES);
  const found = (where: string, text: string) => secrets.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`);
  const shown = (where: string, text: string) => shownOnce.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`);
  expect([...found('the log', log.text + csv.text), ...shown('the log', log.text + csv.text)]).toEqual([]);
  expect(answers.flatMap((a, i) => found(`answer ${i}`, a))).toEqual([]);
  expect([...found('the database', files.join('')), ...shown('the database', files.join(''))]).toEqual([]);
}, 60_000);
