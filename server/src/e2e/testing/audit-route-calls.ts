// Test support for the audit log's coverage test (no tests here): for every route that changes something
// (or takes an export), one real call that succeeds, in an order that leaves each call its target; and the
// routes that record nothing, each with the reason. A route in neither list fails the coverage test.
import { CHANNEL } from './stack';

export interface Call {
  method: string;
  path: string;
  body?: unknown;
}

/** The ids the calls work on, made by the test before the first call. */
export interface Made {
  merchant: string;
  agent: string;
  group: string;
  calendar: string;
  account: string;
  token: string;
  quickReply: string;
  tag: string;
  webhook: string;
  conversation: string;
}

const C = CHANNEL.id;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const CAL = { name: 'Office', timeZone: 'Asia/Shanghai', workdays: [1, 2, 3, 4, 5], workdaySegments: [{ start: 540, end: 1080 }] };

/** Keyed 'METHOD /path' as the route table declares it; run in this order. */
export const AUDITED_CALLS: ReadonlyArray<[route: string, call: (m: Made) => Call]> = [
  ['POST /channels', () => ({ method: 'POST', path: '/channels', body: newChannel('spare') })],
  ['PATCH /channels/:channelId', () => ({ method: 'PATCH', path: `/channels/${C}`, body: { name: '商城二', token: 'RotatedToken01' } })], // starts a grace period
  ['POST /channels/:channelId/end-grace', () => ({ method: 'POST', path: `/channels/${C}/end-grace` })],
  [
    'POST /channels/:channelId/merchants',
    () => ({ method: 'POST', path: `/channels/${C}/merchants`, body: { code: 'm-9', name: 'Nine' } }),
  ],
  ['PATCH /merchants/:merchantId', (m) => ({ method: 'PATCH', path: `/merchants/${m.merchant}`, body: { name: 'Shop One' } })],
  ['POST /channels/:channelId/agents', () => ({ method: 'POST', path: `/channels/${C}/agents`, body: { name: 'Lin', maxConcurrent: 2 } })],
  ['PATCH /agents/:agentId', (m) => ({ method: 'PATCH', path: `/agents/${m.agent}`, body: { maxConcurrent: 5 } })],
  ['POST /channels/:channelId/groups', () => ({ method: 'POST', path: `/channels/${C}/groups`, body: { name: 'Billing' } })],
  ['PATCH /groups/:groupId', (m) => ({ method: 'PATCH', path: `/groups/${m.group}`, body: { name: 'After-sales' } })],
  ['PUT /groups/:groupId/members/:agentId', (m) => ({ method: 'PUT', path: `/groups/${m.group}/members/${m.agent}` })],
  ['DELETE /groups/:groupId/members/:agentId', (m) => ({ method: 'DELETE', path: `/groups/${m.group}/members/${m.agent}` })],
  ['POST /channels/:channelId/calendars', () => ({ method: 'POST', path: `/channels/${C}/calendars`, body: CAL })],
  ['PUT /calendars/:calendarId', (m) => ({ method: 'PUT', path: `/calendars/${m.calendar}`, body: { ...CAL, name: 'Shop hours' } })],
  ['PUT /channels/:channelId/settings', () => ({ method: 'PUT', path: `/channels/${C}/settings`, body: { maxQueueLength: 7 } })],
  [
    'PUT /merchants/:merchantId/settings',
    (m) => ({ method: 'PUT', path: `/merchants/${m.merchant}/settings`, body: { maxQueueLength: 3 } }),
  ],
  ['POST /accounts', () => ({ method: 'POST', path: '/accounts', body: account('mei') })],
  [
    'PUT /accounts/:accountId/password',
    (m) => ({ method: 'PUT', path: `/accounts/${m.account}/password`, body: { password: 'Another-pass-22' } }),
  ],
  [
    'PUT /accounts/:accountId/grant',
    (m) => ({ method: 'PUT', path: `/accounts/${m.account}/grant`, body: { grant: { role: 'supervisor', channelId: C } } }),
  ],
  ['POST /tokens', () => ({ method: 'POST', path: '/tokens', body: { name: 'crm sync', grant: { role: 'platform_admin' } } })],
  ['POST /channels/:channelId/knowledge', () => ({ method: 'POST', path: `/channels/${C}/knowledge`, body: entry(2) })],
  [
    'PATCH /channels/:channelId/knowledge/:number',
    () => ({ method: 'PATCH', path: `/channels/${C}/knowledge/1`, body: { text: 'Nine to six.' } }),
  ],
  [
    'POST /channels/:channelId/knowledge/:number/similar-questions',
    () => ({ method: 'POST', path: `/channels/${C}/knowledge/1/similar-questions`, body: { question: 'when open' } }),
  ],
  [
    'POST /channels/:channelId/knowledge/import',
    () => ({ method: 'POST', path: `/channels/${C}/knowledge/import`, body: { format: 'json', data: JSON.stringify([entry(3)]) } }),
  ],
  ['PUT /channels/:channelId/knowledge/settings', () => ({ method: 'PUT', path: `/channels/${C}/knowledge/settings`, body: robot() })],
  [
    'POST /channels/:channelId/knowledge/media',
    () => ({ method: 'POST', path: `/channels/${C}/knowledge/media`, body: { filename: 'a.png', contentType: 'image/png', base64: PNG } }),
  ],
  [
    'PUT /channels/:channelId/knowledge/synonyms',
    () => ({ method: 'PUT', path: `/channels/${C}/knowledge/synonyms`, body: { groups: [['退货', '退款']] } }),
  ],
  [
    'POST /channels/:channelId/knowledge/synonyms/import',
    () => ({ method: 'POST', path: `/channels/${C}/knowledge/synonyms/import`, body: { data: '发货,寄出\n' } }),
  ],
  ['DELETE /channels/:channelId/knowledge/:number', () => ({ method: 'DELETE', path: `/channels/${C}/knowledge/2` })],
  [
    'POST /channels/:channelId/quick-replies',
    () => ({ method: 'POST', path: `/channels/${C}/quick-replies`, body: { scope: 'team', title: 'Hi', text: 'Hello!' } }),
  ],
  [
    'PUT /quick-replies/:quickReplyId',
    (m) => ({ method: 'PUT', path: `/quick-replies/${m.quickReply}`, body: { title: 'Bye', text: 'Goodbye' } }),
  ],
  [
    'POST /channels/:channelId/quick-replies/import',
    () => ({ method: 'POST', path: `/channels/${C}/quick-replies/import?scope=team`, body: { data: 'title,text\nThanks,Thank you\n' } }),
  ],
  ['DELETE /quick-replies/:quickReplyId', (m) => ({ method: 'DELETE', path: `/quick-replies/${m.quickReply}` })],
  ['POST /channels/:channelId/tags', () => ({ method: 'POST', path: `/channels/${C}/tags`, body: { name: 'VIP', color: '#ff0000' } })],
  ['PATCH /tags/:tagId', (m) => ({ method: 'PATCH', path: `/tags/${m.tag}`, body: { name: 'Gold' } })],
  ['DELETE /tags/:tagId', (m) => ({ method: 'DELETE', path: `/tags/${m.tag}` })],
  [
    'POST /channels/:channelId/webhooks',
    () => ({ method: 'POST', path: `/channels/${C}/webhooks`, body: { url: 'http://127.0.0.1:9/h', events: ['message.received'] } }),
  ],
  ['PATCH /webhooks/:webhookId', (m) => ({ method: 'PATCH', path: `/webhooks/${m.webhook}`, body: { enabled: true } })],
  ['POST /webhooks/:webhookId/test', (m) => ({ method: 'POST', path: `/webhooks/${m.webhook}/test` })],
  ['DELETE /webhooks/:webhookId', (m) => ({ method: 'DELETE', path: `/webhooks/${m.webhook}` })],
  ['PUT /platform', () => ({ method: 'PUT', path: '/platform', body: PLATFORM })],
  // Exports taken.
  ['GET /channels/export.csv', () => ({ method: 'GET', path: '/channels/export.csv' })],
  ['GET /channels/:channelId/conversations/export.csv', () => ({ method: 'GET', path: `/channels/${C}/conversations/export.csv` })],
  ['GET /channels/:channelId/messages/export.csv', () => ({ method: 'GET', path: `/channels/${C}/messages/export.csv` })],
  ['GET /channels/:channelId/knowledge/export', () => ({ method: 'GET', path: `/channels/${C}/knowledge/export?format=csv` })],
  ['GET /channels/:channelId/knowledge/synonyms/export', () => ({ method: 'GET', path: `/channels/${C}/knowledge/synonyms/export` })],
  [
    'GET /channels/:channelId/quick-replies/export.csv',
    () => ({ method: 'GET', path: `/channels/${C}/quick-replies/export.csv?scope=team` }),
  ],
  [
    'GET /conversations/:conversationId/transcript.html',
    (m) => ({ method: 'GET', path: `/conversations/${m.conversation}/transcript.html` }),
  ],
  [
    'GET /conversations/:conversationId/transcript.csv',
    (m) => ({ method: 'GET', path: `/conversations/${m.conversation}/transcript.csv` }),
  ],
  ['GET /audit/export.csv', () => ({ method: 'GET', path: '/audit/export.csv' })],
  [
    'GET /channels/:channelId/reports/export.csv',
    () => ({ method: 'GET', path: `/channels/${C}/reports/export.csv?from=2026-01-01&to=2026-01-31` }),
  ],
  ['GET /channels/:channelId/configuration', () => ({ method: 'GET', path: `/channels/${C}/configuration` })],
  [
    'POST /channels/:channelId/configuration/import',
    () => ({ method: 'POST', path: `/channels/${C}/configuration/import`, body: configFile() }),
  ],
  // Archiving and deleting.
  ...(['agent', 'group', 'calendar', 'merchant'] as const).flatMap((kind) => archiving(kind, (m) => m[kind])),
  ...archiving('channel', () => 'spare'),
  // Last: what the calls above work on goes.
  ['DELETE /tokens/:tokenId', (m) => ({ method: 'DELETE', path: `/tokens/${m.token}` })],
  ['DELETE /accounts/:accountId', (m) => ({ method: 'DELETE', path: `/accounts/${m.account}` })],
  ['DELETE /channels/:channelId', () => ({ method: 'DELETE', path: '/channels/spare' })],
  // Unused by then: nothing refers to them.
  ['DELETE /agents/:agentId', (m) => ({ method: 'DELETE', path: `/agents/${m.agent}` })],
  ['DELETE /groups/:groupId', (m) => ({ method: 'DELETE', path: `/groups/${m.group}` })],
  ['DELETE /calendars/:calendarId', (m) => ({ method: 'DELETE', path: `/calendars/${m.calendar}` })],
  ['DELETE /merchants/:merchantId', (m) => ({ method: 'DELETE', path: `/merchants/${m.merchant}` })],
];

/** Archive then unarchive one record of each kind. */
function archiving(kind: 'agent' | 'group' | 'calendar' | 'merchant' | 'channel', id: (m: Made) => string) {
  const base = (m: Made) => `/${kind}s/${id(m)}`;
  const param = `/${kind}s/:${kind}Id`;
  return [
    [`POST ${param}/archive`, (m: Made) => ({ method: 'POST', path: `${base(m)}/archive` })],
    [`POST ${param}/unarchive`, (m: Made) => ({ method: 'POST', path: `${base(m)}/unarchive` })],
  ] as Array<[string, (m: Made) => Call]>;
}

/** The smallest channel configuration file: the channel's own values, no merchants, calendars or groups. */
function configFile() {
  return {
    format: 'kefu.channel-config',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    channel: {
      ...{ id: C, name: 'Shop', kind: 'miniprogram', appId: CHANNEL.appId, originalId: CHANNEL.originalId },
      ...{ mode: 'secure', format: 'xml', tokenSource: 'stable', agentsSeeUnionId: false, replayWindowSeconds: null, graceSeconds: 1800 },
    },
    settings: {},
    merchants: [],
    calendars: [],
    groups: [],
  };
}

/** Routes that change nothing an admin manages, each with why it is not in the audit log. */
export const EXEMPT: Readonly<Record<string, string>> = {
  'POST /auth/login': 'a login, not a change; the throttle and the session store keep track of logins',
  'POST /auth/logout': 'ends the caller’s own session',
  'PUT /me/status': 'an agent’s own presence (online, busy…), changed many times a day',
  'PUT /me/password': 'a person’s own password; nobody else’s setting changes',
  'PUT /agents/:agentId/status': 'presence, as /me/status; the agent record keeps statusChangedAt',
  'POST /conversations/:conversationId/reply': 'conversation work: the message is the record',
  'POST /conversations/:conversationId/transfer': 'conversation work: the transfer is in the conversation’s history',
  'POST /conversations/:conversationId/take': 'conversation work: the assignment is in the conversation’s history',
  'POST /conversations/:conversationId/end': 'conversation work: the end and who ended it are in the conversation',
  'POST /conversations/:conversationId/typing': 'a typing indicator sent to WeChat; nothing is stored',
  'POST /conversations/:conversationId/notes': 'an internal note is itself a record with its author and time',
  'PUT /conversations/:conversationId/tags': 'desk work on one conversation, not a setting',
  'PUT /customers/:customerId/tags': 'desk work on one customer, not a setting',
  'POST /channels/:channelId/media': 'a file an agent sends in a reply; kept with the message',
  'POST /channels/credentials-check': 'asks WeChat whether an AppID and AppSecret work; nothing is stored',
  'POST /channels/:channelId/credentials-check': 'asks WeChat whether the channel’s credentials work; nothing is stored',
  'POST /platform/authorization-links': 'asks WeChat for a one-time authorization link; nothing is stored',
};

/** The secrets the calls set (and the secrets test changes): none may appear in the log, an answer or the database file. */
export const SECRET_VALUES = {
  channelToken: 'NewPushToken0002',
  channelKey: 'Q'.repeat(43),
  appSecret: 'NewAppSecretValue0002',
  unionIdKey: 'NewUnionKey16byt',
  platformSecret: 'PlatformSecretValue0003',
  platformToken: 'PlatformToken0003',
  platformKey: 'P'.repeat(43),
  semanticKey: 'sk-SemanticApiKey0004',
  password: 'Secret-password-0005',
  platformSecret2: 'PlatformSecretValue0006',
  platformToken2: 'PlatformToken0006',
  platformKey2: 'R'.repeat(43),
};

export const PLATFORM = {
  componentAppId: 'wxcomponent000001',
  appSecret: SECRET_VALUES.platformSecret,
  token: SECRET_VALUES.platformToken,
  encodingAesKey: SECRET_VALUES.platformKey,
};

export function newChannel(id: string) {
  return {
    id,
    name: 'Spare',
    kind: 'miniprogram',
    appId: 'wxspare000000001',
    originalId: 'gh_spare00000001',
    appSecret: 'spareAppSecret01',
    token: 'spareToken01',
    encodingAesKey: 'S'.repeat(43),
    mode: 'secure',
    format: 'xml',
    tokenSource: 'stable',
  };
}

export const account = (username: string) => ({ username, password: SECRET_VALUES.password, grant: { role: 'platform_admin' } });
export const entry = (number: number) => ({ number, type: 'text', keywords: [`k${number}`], text: `Answer ${number}` });
const robot = () => ({
  handoffAfterMisses: 2,
  threshold: 0.4,
  semantic: {
    enabled: false,
    url: 'https://embeddings.example.com/v1/embeddings',
    model: 'm',
    timeoutMs: 500,
    apiKey: SECRET_VALUES.semanticKey,
  },
});
