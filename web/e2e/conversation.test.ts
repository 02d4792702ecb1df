// In a browser, an agent's day: a customer writes in WeChat (the emulator pushes it, signed and
// encrypted), the conversation appears live in the queue, the agent takes it and answers with text, a
// picture and a mini program card, each delivered by WeChat; the conversation is transferred to a
// colleague who ends it (the customer gets the closing message). And a send WeChat's window forbids is
// refused with the reason next to the composer.
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { solidPng } from './testing/png';
import { conversationOf, createAgent, customerWrites, deliveredTo, eventually, logIn, setStatus } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

const message = (page: Page, direction: 'in' | 'out', text: string | RegExp) =>
  page.locator(`[data-message-id][data-direction="${direction}"]`).filter({ hasText: text });
const conversationState = async (id: string) =>
  (await suite.stack.api<{ state: string; agentId?: string }>('GET', `/conversations/${id}`)).body;

/** Opens a conversation from the "mine" list (clicking it, as an agent would). */
async function openFromMine(page: Page, id: string): Promise<void> {
  await page.getByTestId('tab-mine').click();
  await page.locator(`[data-conversation-id="${id}"]`).click();
  await page.getByTestId('reply-input').waitFor();
}

describe('an agent answers a WeChat customer in the browser', () => {
  it('sees the conversation arrive live, takes it, answers with text, picture and card, transfers it; a colleague ends it', async () => {
    const openid = 'oLiveCustomer01';
    // 小赵 is logged in but busy, so new conversations queue; 小王 is invisible: not routed to, free to take.
    await createAgent(suite.stack, { name: '小赵', username: 'xiaozhao', status: 'busy' });
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang', status: 'invisible' });
    const li = await createAgent(suite.stack, { name: '小李', username: 'xiaoli', status: 'offline' });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);
    await page.getByTestId('tab-queued').click();
    await page.evaluate('window.notReloaded = true'); // (the page's code as a string: these tests compile without the DOM's types)

    await customerWrites(suite.stack, openid, '你好，我的订单还没发货');
    const queued = await conversationOf(suite.stack, openid, 'queued');
    const item = page.locator(`[data-conversation-id="${queued.id}"][data-state="queued"]`);
    await item.waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true); // live, no reload
    await screenshot(page, 'inbox-live');

    await item.getByTestId('take-button').click();
    await eventually(async () => ((await conversationState(queued.id)).state === 'assigned' ? true : undefined));
    expect((await conversationState(queued.id)).agentId).toBe(wang.agentId);
    await openFromMine(page, queued.id);
    await message(page, 'in', '你好，我的订单还没发货').waitFor();

    // Text: Enter sends.
    await page.getByTestId('reply-input').fill('您好，我帮您查一下');
    await page.getByTestId('reply-input').press('Enter');
    await message(page, 'out', '您好，我帮您查一下').and(page.locator('[data-delivery="sent"]')).waitFor();
    await deliveredTo(suite.stack, openid, '您好，我帮您查一下');

    // A picture, uploaded from a file.
    await page.getByTestId('reply-image').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: solidPng(32) });
    await deliveredTo(suite.stack, openid, '[image]');
    await page
      .locator('[data-message-id][data-direction="out"][data-delivery="sent"]')
      .filter({ has: page.locator('img') })
      .first()
      .waitFor();

    // A mini program card.
    await page.getByTestId('reply-card').click();
    await page.locator('input[name="cardTitle"]').fill('新品上市：秋季外套');
    await page.locator('input[name="cardPagePath"]').fill('pages/goods/detail?id=42');
    await page
      .locator('input[name="cardThumb"]')
      .setInputFiles({ name: 'thumb.png', mimeType: 'image/png', buffer: solidPng(64, [250, 160, 30]) });
    await page.getByTestId('card-send').click();
    await deliveredTo(suite.stack, openid, '[miniprogrampage]');
    await message(page, 'out', '新品上市：秋季外套').and(page.locator('[data-delivery="sent"]')).waitFor();
    await screenshot(page, 'chat');

    // The customer answers (which also renews WeChat's window for what follows); it shows up live.
    await customerWrites(suite.stack, openid, '好的，谢谢');
    await message(page, 'in', '好的，谢谢').waitFor();

    // Transfer to 小李, now online.
    await setStatus(suite.stack, li.agentId, 'online');
    await page.getByTestId('transfer-button').click();
    await page.locator('input[name="transferKind"][value="agent"]').check();
    await page.locator('select[name="transferAgent"]').selectOption(li.agentId);
    await screenshot(page, 'transfer-dialog');
    await page.getByTestId('transfer-submit').click();
    await eventually(async () => ((await conversationState(queued.id)).agentId === li.agentId ? true : undefined));

    // 小李 ends it; the customer receives the closing message.
    const { context: liContext, page: liPage, errors: liErrors } = await openPage(suite.browser);
    await logIn(liPage, suite.stack, li, `/app/inbox/${queued.id}`);
    await message(liPage, 'in', '好的，谢谢').waitFor();
    liPage.once('dialog', (d) => void d.accept());
    await liPage.getByTestId('end-button').click();
    await eventually(async () => ((await conversationState(queued.id)).state === 'ended' ? true : undefined));
    await deliveredTo(suite.stack, openid, '本次会话已结束，感谢您的咨询，祝您生活愉快！');

    expect(errors).toEqual([]);
    expect(liErrors).toEqual([]);
    await context.close();
    await liContext.close();
  });

  it('refuses a send WeChat’s window forbids and says why next to the composer', async () => {
    const openid = 'oQuietCustomer1';
    const zhang = await createAgent(suite.stack, { name: '小张', username: 'xiaozhang' });
    await customerWrites(suite.stack, openid, '在吗？');
    const conversation = await conversationOf(suite.stack, openid, 'assigned');
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, zhang);
    await openFromMine(page, conversation.id);
    await page.locator('[data-testid="send-window"][data-open="true"]').waitFor();

    // The customer's last message is now older than WeChat's 48 hours (their window closed meanwhile).
    suite.stack.server.db
      .prepare("UPDATE customers SET data = json_set(data, '$.sendWindow.expiresAt', ?) WHERE openid = ?")
      .run(Date.now() - 1000, openid);
    expect((await suite.stack.api<{ open: boolean }>('GET', `/conversations/${conversation.id}/send-window`)).body.open).toBe(false);
    const before = (await suite.stack.delivered(openid)).length;

    // The page still believes the window open (unless it re-read it meanwhile: then it must say why).
    if (await page.getByTestId('reply-input').isEnabled()) {
      await page.getByTestId('reply-input').fill('您还在吗？');
      await page.getByTestId('reply-input').press('Enter');
      await page
        .getByTestId('reply-error')
        .filter({ hasText: /48|window|窗口/i })
        .waitFor();
    } else {
      await page.locator('[data-testid="send-window"][data-open="false"]').filter({ hasText: /48/ }).waitFor();
    }
    await screenshot(page, 'chat-window-closed');
    expect(await message(page, 'out', '您还在吗？').count()).toBe(0);
    await new Promise((r) => setTimeout(r, 300)); // a send would have reached the emulator by now
    expect((await suite.stack.delivered(openid)).length).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});
