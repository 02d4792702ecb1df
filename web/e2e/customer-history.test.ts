// In a browser, a returning customer: their earlier conversation is listed in the profile panel and opens
// read-only, and the chat scrolls back past the first message of today's conversation into the previous
// one, instead of "没有更早的消息了".
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { browserSuite } from './testing/suite';
import { conversationOf, createAgent, customerWrites, eventually, logIn } from './testing/web-stack';

const suite = browserSuite();

const inbound = (page: Page, scope: string, text: string) =>
  page.locator(`${scope} [data-message-id][data-direction="in"]`).filter({ hasText: text });

describe('a returning customer’s history in the workbench', () => {
  it('lists the earlier conversation, opens it read-only, and scrolls back into it', async () => {
    const openid = 'oReturning01';
    const zhou = await createAgent(suite.stack, { name: '小周', username: 'xiaozhou' });
    await customerWrites(suite.stack, openid, '上次买的鞋子尺码不对');
    const first = await conversationOf(suite.stack, openid, 'assigned');
    const note = await suite.stack.api('POST', `/conversations/${first.id}/notes`, { text: '客户上次要换 42 码' });
    expect(note.status).toBe(201);
    expect((await suite.stack.api('POST', `/conversations/${first.id}/end`, {})).status).toBe(204);
    await conversationOf(suite.stack, openid, 'ended');
    await customerWrites(suite.stack, openid, '我又来了，换货怎么办');
    const second = await eventually(async () => {
      const c = await conversationOf(suite.stack, openid, 'assigned');
      return c.id !== first.id ? c : undefined;
    });

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, zhou, `/app/inbox/${second.id}`);
    await inbound(page, '.inbox-chat', '我又来了').waitFor();
    const row = page.locator(`[data-testid="history-item"][data-conversation="${first.id}"]`);
    await row.waitFor();
    await screenshot(page, 'customer-history-panel');

    await row.getByRole('button').click();
    const dialog = page.getByTestId('history-dialog');
    await inbound(page, '[data-testid="history-dialog"]', '上次买的鞋子尺码不对').waitFor();
    expect(await dialog.locator('textarea, [data-testid="reply-input"]').count()).toBe(0);
    // The past conversation's internal notes come with it, read-only.
    await dialog.getByTestId('history-annotations').getByTestId('note').filter({ hasText: '客户上次要换 42 码' }).waitFor();
    await screenshot(page, 'customer-history-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The chat: past today's first message, the previous conversation.
    await page.getByTestId('earlier-load').click();
    await inbound(page, `[data-testid="earlier-conversation"][data-conversation="${first.id}"]`, '上次买的鞋子尺码不对').waitFor();
    await screenshot(page, 'customer-history-scrollback');
    await page.getByTestId('earlier-load').click();
    await page.getByTestId('earlier-conversations').getByText('没有更早的会话了').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
