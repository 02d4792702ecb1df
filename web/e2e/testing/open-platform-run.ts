// What the open-platform browser test does besides the console: both clocks moved together, WeChat's count
// of token calls per account, a customer answered by an agent or by the robot, a 48-hour run, and a push
// that WeChat (the emulator) would send for an account, built with the platform's values.
import { advance, HOUR, MINUTE } from '../../../server/src/e2e/testing/clock';
import { exampleMessage, sendPush } from '../../../server/src/wechat/push-client/index';
import { COMPONENT, type PlatformValues } from './open-platform-steps';
import { conversationOf, customerWrites, deliveredTo, type Stack } from './web-stack';

export const AUTHORIZER_TOKEN = 'cgi-bin/component/api_authorizer_token';

/**
 * Moves both clocks in 5-minute steps: the emulator follows the server after each step, so a token the
 * server fetches on the way is issued at (nearly) the server's instant, not at the start of a long jump
 * (which would make WeChat expire it early and count a refresh the product did not owe).
 */
export async function pass(stack: Stack, ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 5 * MINUTE) await advance(stack, Math.min(left, 5 * MINUTE));
}

/** GET /emulator/token-calls: calls per token API, for one account (or all) since an instant. */
export async function tokenCalls(stack: Stack, appId?: string, since?: number): Promise<Record<string, number>> {
  const query = new URLSearchParams({ ...(appId && { appId }), ...(since !== undefined && { since: String(since) }) });
  const answer = (await (await fetch(`${stack.emulator.baseUrl}/emulator/token-calls?${query}`)).json()) as {
    counts: Record<string, number>;
  };
  return answer.counts;
}

const emulatorNow = async (stack: Stack) =>
  ((await (await fetch(`${stack.emulator.baseUrl}/emulator/clock`)).json()) as { now: number }).now;

/** The customer writes on `appId`; the online agent answers; WeChat delivers the answer. */
export async function answered(
  stack: Stack,
  agentId: string,
  m: { appId: string; openid: string; text: string; answer: string },
): Promise<void> {
  await customerWrites(stack, m.openid, m.text, m.appId);
  const conversation = await conversationOf(stack, m.openid, 'assigned', m.appId);
  const reply = await stack.api('POST', `/conversations/${conversation.id}/reply`, { agentId, text: m.answer });
  expect(reply.status).toBe(202);
  await deliveredTo(stack, m.openid, m.answer);
}

const ROBOT_ANSWER = '在的，请问有什么可以帮您？';

/** The robot answers every new conversation on the channel (for the long run: no agent needed). */
export async function robotAnswers(stack: Stack, channelId: string): Promise<void> {
  expect((await stack.api('PUT', `/channels/${channelId}/settings`, { receptionMode: 'robot_first' })).status).toBe(200);
  const entry = { number: 1, keywords: ['在吗'], type: 'text', text: ROBOT_ANSWER };
  expect((await stack.api('POST', `/channels/${channelId}/knowledge`, entry)).status).toBe(201);
}

/** 48 emulated hours, a new customer on each account every hour, each answered by the robot: token calls per account. */
export async function fortyEightHours(stack: Stack, appIds: string[]): Promise<Record<string, Record<string, number>>> {
  const since = await emulatorNow(stack);
  for (let hour = 0; hour < 48; hour++) {
    for (const appId of appIds) {
      const openid = `o48h${appId.slice(-4)}h${hour}`;
      await customerWrites(stack, openid, '在吗', appId);
      await deliveredTo(stack, openid, ROBOT_ANSWER);
    }
    await pass(stack, HOUR);
  }
  return Object.fromEntries(await Promise.all(appIds.map(async (id) => [id, await tokenCalls(stack, id, since)] as const)));
}

/** A customer's text for `account` pushed to the platform's message URL, signed and sealed with its values. */
export function pushAsWeChat(stack: Stack, values: PlatformValues, account: { appId: string; originalId: string }, openId: string) {
  return sendPush(
    {
      url: `${stack.baseUrl}/wechat/component/${account.appId}/messages`,
      token: values.token,
      appId: COMPONENT.componentAppId,
      originalId: account.originalId,
      encodingAesKey: values.encodingAesKey,
      mode: 'secure',
      format: 'xml',
    },
    exampleMessage('text', {
      openId,
      originalId: account.originalId,
      createTime: Math.floor(Date.now() / 1000),
      msgId: '990001',
      text: '还在吗',
    }),
  );
}
