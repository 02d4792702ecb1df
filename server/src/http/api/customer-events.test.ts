// Everything WeChat pushed is visible, over real HTTP on the composed server (SQLite file) and the WeChat
// emulator: a customer's events and unknown pushes (GET /customers/:id/events) with the raw SessionFrom
// and WeChat's CreateTime, newest first, paged, under the profile's scope rule; and numbers kept as the
// text WeChat sent, in messages too (a location's `23.130000`).
import { encodeSessionFrom } from '../../../../shared/src/index';
import { HIDDEN_UNIONID } from './views/customer-event-view';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, MERCHANT_CODES, type People } from './testing/stack-people';

const app = { appId: CHANNEL.appId } as never;
const T0 = 1_765_000_000; // WeChat's CreateTime of the first push, in seconds

interface EventView {
  id: string;
  type: string;
  createTime?: string;
  wechatCreatedAt?: string;
  sessionFrom?: string;
  fields: Record<string, unknown>;
}

let stack: Stack;
let p: People;
let customerId = '';
const sessionFrom = encodeSessionFrom({
  nickname: '小红',
  params: { orderId: '7' },
  platformAction: { customerCode: MERCHANT_CODES.m1 },
  plainUnionId: 'oUnionRed',
  unionIdKey: 'UnionIdKey16byte',
}).value;

const says = (type: string, extra: Record<string, unknown>) => stack.emulator.customerSays(app, 'oEvents', type, extra);

beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  await says('user_enter_tempsession', { sessionFrom, fields: { createTime: String(T0) } });
  await says('location', {
    fields: { createTime: String(T0 + 1), latitude: '23.130000', longitude: '113.260000', scale: '15', label: '广州塔' },
  });
  await says('kf_create_session', { fields: { createTime: String(T0 + 2) } });
  await says('location_report', {
    fields: { createTime: String(T0 + 3), latitude: '23.100000', longitude: '113.0', precision: '65.000000' },
  });
  await says('unknown', {
    fields: {
      raw: {
        ToUserName: CHANNEL.originalId,
        FromUserName: 'oEvents',
        CreateTime: String(T0 + 4),
        MsgType: 'event',
        Event: 'subscribe_msg_popup_event',
        Extra: '1.50',
      },
    },
  });
  customerId = await eventually(async () => {
    const found = await p.call('GET', `/channels/${CHANNEL.id}/customers?openid=oEvents`, p.tokens.platform);
    if (found.status !== 200) return undefined;
    const events = await p.call('GET', `/customers/${found.json.id}/events`, p.tokens.platform);
    return events.json?.items?.length === 4 ? (found.json.id as string) : undefined;
  });
});
afterAll(() => stack.close());

const events = (token: string, query = '') => p.call('GET', `/customers/${customerId}/events${query}`, token);

describe('GET /customers/:id/events', () => {
  it('lists the events and unknown pushes, newest first, as WeChat sent them; the messages are not among them', async () => {
    const res = await events(p.tokens.platform);
    expect(res.status).toBe(200);
    const items = res.json.items as EventView[];
    expect(items.map((e) => e.type)).toEqual(['unknown', 'location_report', 'kf_create_session', 'user_enter_tempsession']);
    expect(items.map((e) => e.createTime)).toEqual([T0 + 4, T0 + 3, T0 + 2, T0].map(String));
    const enter = items[3] as EventView;
    expect(enter.sessionFrom).toBe(sessionFrom);
    expect(enter.wechatCreatedAt).toBe(new Date(T0 * 1000).toISOString());
    expect(enter.fields).toMatchObject({
      MsgType: 'event',
      Event: 'user_enter_tempsession',
      SessionFrom: sessionFrom,
      CreateTime: String(T0),
    });
    expect(items[1]?.fields).toMatchObject({ Event: 'LOCATION', Latitude: '23.100000', Longitude: '113.0', Precision: '65.000000' });
    expect(items[0]?.fields).toMatchObject({ Event: 'subscribe_msg_popup_event', Extra: '1.50', CreateTime: String(T0 + 4) });
    expect(res.json.nextBefore).toBeUndefined();
  });

  it('pages back with `before`', async () => {
    const first = await events(p.tokens.platform, '?limit=3');
    expect((first.json.items as EventView[]).map((e) => e.type)).toEqual(['unknown', 'location_report', 'kf_create_session']);
    expect(first.json.nextBefore).toEqual(expect.any(String));
    const second = await events(p.tokens.platform, `?limit=3&before=${first.json.nextBefore}`);
    expect((second.json.items as EventView[]).map((e) => e.type)).toEqual(['user_enter_tempsession']);
    expect(second.json.nextBefore).toBeUndefined();
  });

  it('follows the profile’s scope: the customer’s merchant sees them, another merchant does not', async () => {
    await eventually(async () => ((await events(p.tokens.m1Admin)).status === 200 ? true : undefined));
    const agentView = await events(p.tokens.m1Agent);
    expect(agentView.status).toBe(200);
    // The channel does not let agents see UnionIDs: not even the encrypted one inside the SessionFrom.
    const enter = (agentView.json.items as EventView[]).find((e) => e.type === 'user_enter_tempsession');
    expect(sessionFrom).toMatch(/\|unionid=[^|(]+\|/);
    expect(enter?.sessionFrom).toBe(sessionFrom.replace(/\|unionid=[^|]*/, `|${HIDDEN_UNIONID}`));
    expect(enter?.fields.SessionFrom).toBe(enter?.sessionFrom);
    expect((await events(p.tokens.m2Admin)).status).toBe(403);
    expect((await events(p.tokens.m2Agent)).status).toBe(403);
    expect((await p.call('GET', '/customers/nobody/events', p.tokens.platform)).status).toBe(404);
  });
});

describe('numbers as WeChat sent them', () => {
  it('a location pushed with 23.130000 is returned as 23.130000, with WeChat’s CreateTime', async () => {
    const list = await p.call('GET', `/channels/${CHANNEL.id}/conversations?customerId=${customerId}`, p.tokens.platform);
    const conversationId = list.json.items[0].id as string;
    const messages = await p.call('GET', `/conversations/${conversationId}/messages`, p.tokens.platform);
    const location = (messages.json.items as Array<Record<string, any>>).find((m) => m.content.type === 'location');
    expect(location?.content).toEqual({ type: 'location', latitude: '23.130000', longitude: '113.260000', scale: '15', label: '广州塔' });
    expect(location?.wechatCreateTime).toBe(String(T0 + 1));
    expect(location?.wechatCreatedAt).toBe(new Date((T0 + 1) * 1000).toISOString());
  });
});
