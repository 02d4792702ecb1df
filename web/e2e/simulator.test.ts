// In a browser, the customer simulator: an admin types as a WeChat customer (through the emulator, so the
// message takes the real path) and sees what WeChat delivered back: the greeting of the agent the
// conversation went to, then that agent's answer.
import { openPage, screenshot } from './testing/browser';
import { ADMIN, CHANNEL, conversationOf, createAgent, logInQuickly } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

describe('the customer simulator', () => {
  it('sends a message as a customer and shows the answers WeChat delivered', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    const { context, page, errors } = await openPage(suite.browser);
    await logInQuickly(context, suite.stack, ADMIN);
    await page.goto(`${suite.stack.baseUrl}/app/simulator`);
    await page.getByTestId('sim-input').waitFor();
    await page.getByTestId('sim-channel').selectOption(CHANNEL.id);
    await page.getByTestId('sim-openid').fill('sim-e2e-01');

    await page.getByTestId('sim-input').fill('你好，我想咨询退货');
    await page.getByTestId('sim-send').click();
    const messages = page.getByTestId('sim-messages');
    await messages.locator('[data-side="me"]').filter({ hasText: '你好，我想咨询退货' }).waitFor();
    await messages.locator('[data-side="them"]').filter({ hasText: '客服 小王 为您服务' }).waitFor();

    const conversation = await conversationOf(suite.stack, 'sim-e2e-01', 'assigned');
    const reply = await suite.stack.api('POST', `/conversations/${conversation.id}/reply`, {
      agentId: wang.agentId,
      text: '您好，请提供一下订单号',
    });
    expect(reply.status).toBe(202);
    await messages.locator('[data-side="them"]').filter({ hasText: '您好，请提供一下订单号' }).waitFor();
    await screenshot(page, 'simulator');
    expect(errors).toEqual([]);
    await context.close();
  });
});
