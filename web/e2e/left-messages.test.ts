// In a browser, left messages (留言) are work: customers who wrote while nobody was online appear in the
// workbench's 留言 list (live, newest first, with what WeChat's window still allows); the agent coming
// online is told how many wait; taking one makes it theirs, the timeline shows the step as a line, and
// their reply reaches the customer. The dashboard's count leads to the same list.
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { ADMIN, conversationOf, createAgent, customerWrites, deliveredTo, eventually, logIn, logInQuickly } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

const leftItem = (page: Page, id: string) => page.locator(`[data-list="left"] [data-conversation-id="${id}"]`);

describe('the left-message list', () => {
  it('shows left messages live, tells the agent coming online, and lets them take one and answer it', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang', status: 'offline' });
    await customerWrites(suite.stack, 'oLeft00000001', '请回电 13800000000');
    const first = await conversationOf(suite.stack, 'oLeft00000001', 'left_message');

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);
    await page.getByTestId('tab-left').click();
    await leftItem(page, first.id).waitFor();
    await leftItem(page, first.id).locator('[data-testid="left-window"][data-open="true"]').waitFor();
    expect(await leftItem(page, first.id).locator('.inbox-item-preview').textContent()).toBe('请回电 13800000000'); // not our prompt

    // A second customer leaves a message while the page is open: it appears live, on top (newest first).
    await page.evaluate('window.notReloaded = true');
    await customerWrites(suite.stack, 'oLeft00000002', '周末营业吗？');
    const second = await conversationOf(suite.stack, 'oLeft00000002', 'left_message');
    await leftItem(page, second.id).waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    const order = await page
      .locator('[data-list="left"] [data-conversation-id]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-conversation-id')));
    expect(order).toEqual([second.id, first.id]);
    await screenshot(page, 'left-messages');

    // Coming online: told how many wait.
    await page.getByTestId('tab-mine').click();
    await page.getByTestId('status-select').selectOption('online');
    const notice = page.getByTestId('left-waiting-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('2');
    await notice.getByRole('button').first().click();
    await leftItem(page, first.id).waitFor();

    // Taking one: it is theirs, it leaves the list, the timeline says so, and the reply goes out.
    await leftItem(page, first.id).getByTestId('take-button').click();
    await eventually(async () => {
      const c = await suite.stack.api<{ state: string; agentId?: string }>('GET', `/conversations/${first.id}`);
      return c.body.state === 'assigned' && c.body.agentId === wang.agentId ? true : undefined;
    });
    await leftItem(page, first.id).waitFor({ state: 'detached' });
    await page.goto(`${suite.stack.baseUrl}/app/inbox/${first.id}`);
    await page.locator('.inbox-event[data-event-kind="taken"]').waitFor();
    await page.getByTestId('reply-input').fill('您好，我们马上给您回电');
    await page.getByTestId('reply-input').press('Enter');
    await deliveredTo(suite.stack, 'oLeft00000001', '您好，我们马上给您回电');
    await screenshot(page, 'left-message-taken');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dashboard’s count of left messages leads to the list', async () => {
    await createAgent(suite.stack, { name: '小李', username: 'xiaoli', status: 'offline' });
    await customerWrites(suite.stack, 'oLeft00000003', '有人吗');
    const left = await conversationOf(suite.stack, 'oLeft00000003', 'left_message');
    const { context, page, errors } = await openPage(suite.browser);
    await logInQuickly(context, suite.stack, ADMIN);
    await page.goto(`${suite.stack.baseUrl}/app/admin`);
    const link = page.getByTestId('dashboard').getByTestId('stat-link').last();
    await link.waitFor();
    expect(await link.textContent()).toContain('1');
    await link.click();
    await page.locator(`[data-list="left"] [data-conversation-id="${left.id}"]`).waitFor();
    expect(page.url()).toContain(`/app/inbox`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
