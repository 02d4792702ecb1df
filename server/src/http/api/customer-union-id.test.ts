// Where a customer's UnionID comes from, over real HTTP on the composed server (SQLite file) and the
// WeChat emulator (it serves sns/jscode2session and delivers the pushes): the kit's wx.login exchange
// verifies it; a session-from only claims it; a claim never replaces a verified UnionID; the server's
// token is bound to the openid it was issued for, so another customer cannot replay it.
import { encodeSessionFrom, encryptUnionId } from '../../../../shared/src/index';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';

const UNION_ID_KEY = 'UnionIdKey16byte';
const app = { appId: CHANNEL.appId } as never;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  expect((await stack.api('PATCH', `/channels/${CHANNEL.id}`, { unionIdKey: UNION_ID_KEY })).status).toBe(200);
});
afterAll(() => stack.close());

interface Profile {
  id: string;
  unionId?: string;
  unionIdSource?: string;
  nickname?: string;
}

/** The kit's login: a wx.login code from the emulator, exchanged at our /kit route; answers the token. */
async function kitLogin(openId: string, unionId: string): Promise<string> {
  await stack.emulator.admin(`/apps/${CHANNEL.appId}/customers`, { openId, unionId });
  const { code } = await stack.emulator.admin<{ code: string }>(`/apps/${CHANNEL.appId}/customers/${openId}/login`);
  const res = await fetch(`${stack.baseUrl}/kit/channels/${CHANNEL.id}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { unionId: string }).unionId;
}

const profile = async (openid: string) => (await stack.api<Profile>('GET', `/channels/${CHANNEL.id}/customers?openid=${openid}`)).body;

/** Distinct CreateTimes: WeChat's de-duplication key of an event is FromUserName + CreateTime. */
let createTime = Math.floor(Date.now() / 1000);

/** The customer enters the chat with this session-from; resolves once the server has processed it. */
async function enter(openid: string, nickname: string, unionId: { token: string } | { plain: string }): Promise<Profile> {
  const input = 'token' in unionId ? { unionId: unionId.token } : { plainUnionId: unionId.plain, unionIdKey: UNION_ID_KEY };
  const sessionFrom = encodeSessionFrom({ nickname, ...input }).value;
  await stack.emulator.customerSays(app, openid, 'user_enter_tempsession', { sessionFrom, fields: { createTime: String(++createTime) } });
  return eventually(async () => {
    const p = await profile(openid);
    return p.nickname === nickname ? p : undefined;
  });
}

describe('a customer’s UnionID: verified or claimed', () => {
  it('is verified by the kit’s wx.login exchange, before the customer ever writes', async () => {
    await kitLogin('oAlice', 'oUnionAlice');
    expect(await profile('oAlice')).toMatchObject({ unionId: 'oUnionAlice', unionIdSource: 'verified' });
  });

  it('a spoofed UnionID in a session-from never overwrites the verified one', async () => {
    const p = await enter('oAlice', 'Alice 1', { plain: 'oUnionSpoofed' });
    expect(p).toMatchObject({ unionId: 'oUnionAlice', unionIdSource: 'verified' });
  });

  it('a spoofed UnionID in a session-from is stored as claimed, not verified', async () => {
    const p = await enter('oMallory', 'Mallory 1', { plain: 'oUnionAlice' });
    expect(p).toMatchObject({ unionId: 'oUnionAlice', unionIdSource: 'claimed' });
  });

  it('the server’s token for Alice, replayed by another customer, is not accepted as theirs', async () => {
    const aliceToken = await kitLogin('oAlice', 'oUnionAlice');
    const p = await enter('oEve', 'Eve 1', { token: aliceToken });
    expect(p.unionId).toBeUndefined();
    expect(p.unionIdSource).toBeUndefined();
    // Alice's own token, in her own session-from, agrees with what the server verified.
    expect(await enter('oAlice', 'Alice 2', { token: aliceToken })).toMatchObject({ unionId: 'oUnionAlice', unionIdSource: 'verified' });
  });

  it('an old-format token (Sobot’s, unbound) is a claim at best', async () => {
    const p = await enter('oOld', 'Old 1', { token: encryptUnionId('oUnionOld', UNION_ID_KEY) });
    expect(p).toMatchObject({ unionId: 'oUnionOld', unionIdSource: 'claimed' });
  });

  it('a verified UnionID replaces a claimed one', async () => {
    await kitLogin('oMallory', 'oUnionMallory');
    expect(await profile('oMallory')).toMatchObject({ unionId: 'oUnionMallory', unionIdSource: 'verified' });
  });
});
