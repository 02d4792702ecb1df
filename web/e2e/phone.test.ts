// In a phone-sized browser (390×844): the login page, the inbox and a chat render without a horizontal
// scrollbar.
import { openPage, overflowsHorizontally, PHONE, screenshot } from './testing/browser';
import { conversationOf, createAgent, customerWrites, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

describe('on a phone', () => {
  it('logs in and shows the inbox and a chat without horizontal overflow', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    await customerWrites(suite.stack, 'oPhoneCustomer01', '你好，请问今天能发货吗？我昨天下的单，订单号是 2024112200001234');
    const conversation = await conversationOf(suite.stack, 'oPhoneCustomer01', 'assigned');
    const { context, page, errors } = await openPage(suite.browser, { viewport: PHONE, isMobile: true, hasTouch: true });

    await page.goto(`${suite.stack.baseUrl}/app/`);
    await page.locator('input[name="username"]').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-login');

    await logIn(page, suite.stack, wang);
    await page.getByTestId('tab-mine').click();
    const item = page.locator(`[data-conversation-id="${conversation.id}"]`);
    await item.waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-inbox');

    await item.click();
    await page.getByTestId('reply-input').waitFor();
    await page.locator('[data-message-id][data-direction="in"]').first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-chat');
    expect(errors).toEqual([]);
    await context.close();
  });
});
