// Test support (no tests here): on a running stack (the composed server on a real SQLite file, the WeChat
// emulator), two merchants and the platform's team, each with an online agent, and an API token for
// every role; plus customers who write through the emulator.
import { encodeSessionFrom } from '../../../../../shared/src/index';
import { CHANNEL, eventually, type Stack } from '../../../e2e/testing/stack';
import { callWithBearer, type Answer } from './api-fixture';

export interface People {
  merchants: { m1: string; m2: string };
  agents: { platform: string; m1: string; m2: string };
  tokens: { platform: string; m1Admin: string; m2Admin: string; m1Agent: string; m2Agent: string; platformAgent: string };
  /** A request to /api/v1 with a bearer token; a string body is sent as is. */
  call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer>;
}

export const MERCHANT_CODES = { m1: 'shop-1', m2: 'shop-2' } as const;

export async function arrangePeople(stack: Stack): Promise<People> {
  const must = async <T>(p: Promise<{ status: number; body: T }>): Promise<T> => {
    const res = await p;
    if (res.status >= 300) throw new Error(`arranging failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const merchant = async (code: string) =>
    (await must(stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/merchants`, { code, name: `Shop ${code}` }))).id;
  const m1 = await merchant(MERCHANT_CODES.m1);
  const m2 = await merchant(MERCHANT_CODES.m2);
  const agent = async (name: string, merchantId?: string) =>
    (
      await must(
        stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, {
          name,
          status: 'online',
          maxConcurrent: 5,
          ...(merchantId && { merchantId }),
        }),
      )
    ).id;
  const agents = { platform: await agent('平台客服'), m1: await agent('一号店客服', m1), m2: await agent('二号店客服', m2) };
  const token = async (name: string, grant: unknown) =>
    (await must(stack.api<{ token: string }>('POST', '/tokens', { name, grant }))).token;
  const tokens = {
    platform: await token('platform', { role: 'platform_admin' }),
    m1Admin: await token('m1 admin', { role: 'merchant_admin', channelId: CHANNEL.id, merchantId: m1 }),
    m2Admin: await token('m2 admin', { role: 'merchant_admin', channelId: CHANNEL.id, merchantId: m2 }),
    m1Agent: await token('m1 agent', { role: 'agent', agentId: agents.m1 }),
    m2Agent: await token('m2 agent', { role: 'agent', agentId: agents.m2 }),
    platformAgent: await token('platform agent', { role: 'agent', agentId: agents.platform }),
  };
  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    callWithBearer(method, `${stack.baseUrl}/api/v1${path}`, token, body);
  return { merchants: { m1, m2 }, agents, tokens, call };
}

const app = { appId: CHANNEL.appId } as never;

/**
 * The customer `openid` enters from `merchantCode`'s contact button (none: the platform's team) and
 * writes; resolves with the conversation's id once an agent holds it.
 */
export async function customerWrites(
  stack: Stack,
  openid: string,
  text: string,
  merchantCode?: string,
  nickname = '小明',
): Promise<string> {
  const sessionFrom = encodeSessionFrom({
    nickname,
    ...(merchantCode !== undefined && { platformAction: { customerCode: merchantCode } }),
  }).value;
  await stack.emulator.customerSays(app, openid, 'user_enter_tempsession', { sessionFrom });
  await stack.emulator.customerSays(app, openid, 'text', { text });
  return eventually(async () => {
    const customer = await stack.api<{ id?: string }>('GET', `/channels/${CHANNEL.id}/customers?openid=${openid}`);
    if (customer.status !== 200 || !customer.body.id) return undefined;
    const list = await stack.api<{ items: Array<{ id: string }> }>(
      'GET',
      `/channels/${CHANNEL.id}/conversations?customerId=${customer.body.id}&state=assigned`,
    );
    return list.body.items[0]?.id;
  });
}
