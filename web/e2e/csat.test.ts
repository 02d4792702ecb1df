// In a browser, satisfaction (CSAT) inside WeChat: with the channel's setting on, an agent ends a
// conversation, WeChat delivers the rating request to the customer, the customer's "5 …" reply is stored
// on the ended conversation as the rating (not routed to a new conversation), the agent sees it, and the
// dashboard counts it; the transcript downloaded from the workbench carries it.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { browserSuite } from './testing/suite';
import {
  ADMIN,
  CHANNEL,
  conversationOf,
  createAgent,
  customerWrites,
  deliveredTo,
  eventually,
  logIn,
  logInQuickly,
} from './testing/web-stack';

const suite = browserSuite();
const REQUEST = '请为本次服务打分：回复数字 1-5（5 = 非常满意，1 = 非常不满意），也可以在数字后写下您的意见。';

const message = (page: Page, direction: 'in' | 'out', text: string) =>
  page.locator(`[data-message-id][data-direction="${direction}"]`).filter({ hasText: text });

describe('satisfaction inside WeChat', () => {
  it('asks when the agent ends the conversation and stores the customer’s rating on it', async () => {
    expect((await suite.stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { csat: 'after_agent' })).status).toBe(200);
    const openid = 'oRating01';
    const sun = await createAgent(suite.stack, { name: '小孙', username: 'xiaosun' });
    await customerWrites(suite.stack, openid, '发票怎么开？');
    const c = await conversationOf(suite.stack, openid, 'assigned');

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, sun, `/app/inbox/${c.id}`);
    await page.getByTestId('reply-input').fill('在订单页点“申请发票”即可');
    await page.getByTestId('reply-input').press('Enter');
    await deliveredTo(suite.stack, openid, '在订单页点“申请发票”即可');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('end-button').click();
    await deliveredTo(suite.stack, openid, REQUEST);
    await page.getByTestId('csat').filter({ hasText: '已邀请评价' }).waitFor();

    await customerWrites(suite.stack, openid, '5 很快就解决了');
    await message(page, 'in', '5 很快就解决了').waitFor();
    await page.locator('[data-testid="csat"][data-rating="5"]').filter({ hasText: '很快就解决了' }).waitFor();
    await screenshot(page, 'csat-rating');
    const stored = await suite.stack.api<{ state: string; csat?: { rating?: number; comment?: string } }>('GET', `/conversations/${c.id}`);
    expect(stored.body).toMatchObject({ state: 'ended', csat: { rating: 5, comment: '很快就解决了' } });
    await deliveredTo(suite.stack, openid, '感谢您的评价！');
    expect((await conversationOf(suite.stack, openid)).id).toBe(c.id); // the rating opened no new conversation

    // The transcript, downloaded from the workbench, reads as the conversation went, the rating included.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('transcript-html').click()]);
    expect(download.suggestedFilename()).toBe(`transcript-${c.id}.html`);
    const html = await readFile((await download.path()) ?? '', 'utf8');
    expect(html).toContain('在订单页点“申请发票”即可');
    expect(html).toContain('5 / 5 “很快就解决了”');

    const admin = await openPage(suite.browser);
    await logInQuickly(admin.context, suite.stack, ADMIN);
    await admin.page.goto(`${suite.stack.baseUrl}/app/admin`);
    const card = admin.page.getByTestId('dashboard-csat');
    await card.getByText('5.00').waitFor();
    await screenshot(admin.page, 'csat-dashboard');
    await eventually(async () => ((await card.textContent())?.includes('1 / 1') ? true : undefined));

    // The channel's setting, as the admin sees it in the routing settings.
    await admin.page.goto(`${suite.stack.baseUrl}/app/admin/routing`);
    const setting = admin.page.locator('select[name="csat"]');
    await eventually(async () => ((await setting.inputValue().catch(() => '')) === 'after_agent' ? true : undefined));
    await setting.scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'csat-settings');

    // The admin's bulk export of the day's messages carries the rating's message.
    await admin.page.goto(`${suite.stack.baseUrl}/app/admin/exports`);
    const [csv] = await Promise.all([admin.page.waitForEvent('download'), admin.page.getByTestId('export-messages').click()]);
    expect(csv.suggestedFilename()).toBe(`messages-${CHANNEL.id}.csv`);
    expect(await readFile((await csv.path()) ?? '', 'utf8')).toContain('5 很快就解决了');
    await screenshot(admin.page, 'transcripts-exports');

    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await context.close();
    await admin.context.close();
  });
});
