// In a browser, the roles beyond admin and agent. A supervisor logs in, sees a colleague's conversation,
// reassigns it to another agent (whose workbench then shows it), and finds the settings screens hidden and a
// settings change refused. And an agent whose one login (made on the console's logins screen) is linked to
// agents in two channels answers a customer in each, switching channels in the workbench.
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { browserSuite } from './testing/suite';
import {
  ADMIN,
  addChannel,
  CHANNEL,
  conversationOf,
  createAgent,
  csrfHeaders,
  customerWrites,
  deliveredTo,
  eventually,
  logIn,
  setStatus,
} from './testing/web-stack';

const suite = browserSuite();

const MALL = { id: 'mall', appId: 'wxe2e0000000000009', originalId: 'gh_e2e000000009' };

async function openFromMine(page: Page, id: string): Promise<void> {
  await page.getByTestId('tab-mine').click();
  await page.locator(`[data-conversation-id="${id}"]`).click();
  await page.getByTestId('reply-input').waitFor();
}

describe('roles in the browser', () => {
  it('a supervisor sees a colleague’s conversation, reassigns it, and changes no settings', async () => {
    const zhao = await createAgent(suite.stack, { name: '小赵', username: 'xiaozhao' });
    const li = await createAgent(suite.stack, { name: '小李', username: 'xiaoli', status: 'offline' });
    await customerWrites(suite.stack, 'oRolesCustomer1', '我要改收货地址');
    const conversation = await conversationOf(suite.stack, 'oRolesCustomer1', 'assigned');
    expect(conversation.agentId).toBe(zhao.agentId);
    await setStatus(suite.stack, li.agentId, 'online');
    const lead = { username: 'lead', password: 'lead-password-1' };
    const made = await suite.stack.api('POST', '/accounts', { ...lead, grant: { role: 'supervisor', channelId: CHANNEL.id } });
    expect(made.status).toBe(201);

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, lead);
    await openFromMine(page, conversation.id);
    await page.locator('[data-message-id][data-direction="in"]').filter({ hasText: '我要改收货地址' }).waitFor();
    await screenshot(page, 'roles-supervisor-inbox');

    await page.getByTestId('transfer-button').click();
    await page.locator('input[name="transferKind"][value="agent"]').check();
    await page.locator('select[name="transferAgent"]').selectOption(li.agentId);
    await page.getByTestId('transfer-submit').click();
    await eventually(async () => {
      const c = await suite.stack.api<{ agentId?: string }>('GET', `/conversations/${conversation.id}`);
      return c.body.agentId === li.agentId ? true : undefined;
    });

    // 小李's workbench has it among their own.
    const other = await openPage(suite.browser);
    await logIn(other.page, suite.stack, li);
    await openFromMine(other.page, conversation.id);
    await screenshot(other.page, 'roles-reassigned-agent');

    // The console shows the supervisor reports and exports only; a settings screen is not there.
    await page.goto(`${suite.stack.baseUrl}/app/admin`);
    await page.locator('[data-testid="admin-nav"]').waitFor();
    const nav = await page.locator('[data-testid="admin-nav"] a').evaluateAll((links) => links.map((a) => a.getAttribute('data-nav')));
    expect(nav).toEqual(['dashboard', 'reports', 'exports']);
    await screenshot(page, 'roles-supervisor-console');
    await page.goto(`${suite.stack.baseUrl}/app/admin/agents`);
    await page.locator('.admin-empty').waitFor();
    expect(await page.locator('[data-testid="admin-nav"] a[data-nav="agents"]').count()).toBe(0);
    // And the server refuses a settings change with the same cookie.
    const refused = await context.request.put(`${suite.stack.baseUrl}/api/v1/channels/${CHANNEL.id}/settings`, {
      headers: await csrfHeaders(context),
      data: { colleaguesConversations: 'hidden' },
    });
    expect(refused.status()).toBe(403);

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await context.close();
    await other.context.close();
  });

  it('one agent login, made on the logins screen, answers customers in two channels', async () => {
    await addChannel(suite.stack, MALL);
    const agentIn = async (channelId: string) =>
      (await suite.stack.api<{ id: string }>('POST', `/channels/${channelId}/agents`, { name: '小王', status: 'online', maxConcurrent: 3 }))
        .body.id;
    const [inShop, inMall] = [await agentIn(CHANNEL.id), await agentIn(MALL.id)];

    const admin = await openPage(suite.browser);
    await logIn(admin.page, suite.stack, ADMIN, '/app/admin/logins');
    await admin.page.getByTestId('add-multi-agent').click();
    await admin.page.locator('form input[name="username"]').fill('wang');
    await admin.page.locator('form input[name="password"]').fill('wang-password-1');
    await admin.page.locator(`select[name="agent-${CHANNEL.id}"] option[value="${inShop}"]`).waitFor({ state: 'attached' });
    await admin.page.locator(`select[name="agent-${CHANNEL.id}"]`).selectOption(inShop);
    await admin.page.getByTestId('login-save').click();
    // Made for one channel first, then linked to the agent of the other.
    await admin.page.getByTestId('link-agents-wang').click();
    await admin.page
      .locator(`select[name="agent-${CHANNEL.id}"]`)
      .and(admin.page.locator(`:has(option[value="${inShop}"]:checked)`))
      .waitFor();
    await admin.page.locator(`select[name="agent-${MALL.id}"] option[value="${inMall}"]`).waitFor({ state: 'attached' });
    await admin.page.locator(`select[name="agent-${MALL.id}"]`).selectOption(inMall);
    await screenshot(admin.page, 'roles-logins');
    await admin.page.getByTestId('login-save').click();
    await admin.page
      .locator('[data-testid="logins-screen"] td', { hasText: `小王 (${CHANNEL.id})` })
      .filter({ hasText: `小王 (${MALL.id})` })
      .waitFor();

    await customerWrites(suite.stack, 'oShopCustomer', '商城一：在吗');
    await customerWrites(suite.stack, 'oMallCustomer', '商城二：在吗', MALL.appId);
    const inFirst = await conversationOf(suite.stack, 'oShopCustomer', 'assigned');
    const inSecond = await conversationOf(suite.stack, 'oMallCustomer', 'assigned', MALL.id);

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, { username: 'wang', password: 'wang-password-1' });
    const select = page.getByTestId('channel-select');
    for (const [channelId, id, text] of [
      [CHANNEL.id, inFirst.id, '一店您好'],
      [MALL.id, inSecond.id, '二店您好'],
    ] as const) {
      await select.selectOption(channelId);
      await openFromMine(page, id);
      await page.getByTestId('reply-input').fill(text);
      await page.getByTestId('reply-input').press('Enter');
      await page.locator('[data-message-id][data-direction="out"][data-delivery="sent"]').filter({ hasText: text }).waitFor();
    }
    await screenshot(page, 'roles-multi-channel-agent');
    await deliveredTo(suite.stack, 'oShopCustomer', '一店您好');
    await deliveredTo(suite.stack, 'oMallCustomer', '二店您好');
    const senders = await suite.stack.api<{ items: Array<{ sender: { kind: string; agentId?: string } }> }>(
      'GET',
      `/conversations/${inSecond.id}/messages`,
    );
    expect(senders.body.items.filter((m) => m.sender.kind === 'agent').map((m) => m.sender.agentId)).toEqual([inMall]);

    expect(errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await context.close();
    await admin.context.close();
  });
});
