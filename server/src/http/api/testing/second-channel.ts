// Test support (no tests here): a second channel on a running stack, known to the server and to the WeChat
// emulator like the stack's own, and a customer who writes in it.
import { encodeSessionFrom } from '../../../../../shared/src/index';
import { addChannel } from '../../../e2e/testing/add-channel';
import { eventually, type Stack } from '../../../e2e/testing/stack';

export const SECOND = { id: 'shop2', appId: 'wxe2e0000000000002', originalId: 'gh_e2e000000002' };

export function addSecondChannel(stack: Stack): Promise<void> {
  return addChannel(stack, { ...SECOND, name: '二号商城' });
}

/** The customer `openid` writes `text` in `channel` (the platform's team); resolves with the conversation once assigned. */
export async function customerWritesIn(
  stack: Stack,
  channel: { id: string; appId: string },
  openid: string,
  text: string,
): Promise<string> {
  const app = { appId: channel.appId } as never;
  const sessionFrom = encodeSessionFrom({ nickname: '小红' }).value;
  await stack.emulator.customerSays(app, openid, 'user_enter_tempsession', { sessionFrom });
  await stack.emulator.customerSays(app, openid, 'text', { text });
  return eventually(async () => {
    const customer = await stack.api<{ id?: string }>('GET', `/channels/${channel.id}/customers?openid=${openid}`);
    if (customer.status !== 200 || !customer.body.id) return undefined;
    const list = await stack.api<{ items: Array<{ id: string }> }>(
      'GET',
      `/channels/${channel.id}/conversations?customerId=${customer.body.id}&state=assigned`,
    );
    return list.body.items[0]?.id;
  });
}
