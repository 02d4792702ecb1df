// In a browser, the agent's desk: an internal note shows in the timeline (in its own colour, live for an
// admin watching) and is never delivered (the emulator receives the reply written after it, not the
// note); a transfer's note reaches the colleague; an admin's tag is set on a conversation and filters the
// search; a Chinese word inside a sentence is found. Screenshots of each new screen.
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { ADMIN, conversationOf, createAgent, customerWrites, deliveredTo, eventually, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

async function openConversation(page: Page, id: string): Promise<void> {
  await page.goto(`${suite.stack.baseUrl}/app/inbox/${id}`);
  await page.locator(`[data-conversation-open="${id}"]`).waitFor();
}

describe('the agent’s desk in the browser', () => {
  it('a note shows in the timeline, live for a watching admin, and is never delivered; a transfer note reaches the colleague', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    const li = await createAgent(suite.stack, { name: '小李', username: 'xiaoli', status: 'invisible' });
    await customerWrites(suite.stack, 'oNote01', '你好，我的快递三天没动了');
    const c = await conversationOf(suite.stack, 'oNote01', 'assigned');
    const agent = await openPage(suite.browser);
    await logIn(agent.page, suite.stack, wang);
    await openConversation(agent.page, c.id);
    const admin = await openPage(suite.browser);
    await logIn(admin.page, suite.stack, ADMIN);
    await openConversation(admin.page, c.id);

    await agent.page.getByTestId('note-form').locator('textarea').fill('客户很着急，已联系快递公司');
    await agent.page.getByTestId('note-submit').click();
    await agent.page.getByTestId('note').filter({ hasText: '客户很着急' }).waitFor();
    await admin.page.getByTestId('note').filter({ hasText: '客户很着急' }).waitFor(); // live: no reload
    await agent.page.getByTestId('reply-input').fill('您好，正在为您催促快递');
    await agent.page.getByTestId('reply-input').press('Enter');
    await deliveredTo(suite.stack, 'oNote01', '您好，正在为您催促快递');
    expect((await suite.stack.delivered('oNote01')).join('\n')).not.toContain('客户很着急');
    await screenshot(agent.page, 'notes-timeline');

    await agent.page.getByTestId('transfer-button').click();
    await agent.page.locator('select[name="transferAgent"]').selectOption(li.agentId);
    await agent.page.getByTestId('transfer-note').fill('快递单号已发给客户，等物流回复');
    await screenshot(agent.page, 'notes-transfer-dialog');
    await agent.page.getByTestId('transfer-submit').click();
    await eventually(async () => ((await conversationOf(suite.stack, 'oNote01', 'assigned')).agentId === li.agentId ? true : undefined));
    const colleague = await openPage(suite.browser);
    await logIn(colleague.page, suite.stack, li);
    await openConversation(colleague.page, c.id);
    await colleague.page.locator('[data-testid="note"][data-note-transfer="true"]').filter({ hasText: '等物流回复' }).waitFor();
    await screenshot(colleague.page, 'notes-transfer-received');
    expect((await suite.stack.delivered('oNote01')).join('\n')).not.toMatch(/客户很着急|等物流回复/);
    for (const side of [agent, admin, colleague]) {
      expect(side.errors).toEqual([]);
      await side.context.close();
    }
  });

  it('an admin’s tag is set on a conversation and filters the search', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    await customerWrites(suite.stack, 'oTag01', '我要开发票');
    await customerWrites(suite.stack, 'oTag02', '在吗');
    const tagged = await conversationOf(suite.stack, 'oTag01', 'assigned');
    const other = await conversationOf(suite.stack, 'oTag02', 'assigned');

    const admin = await openPage(suite.browser);
    await logIn(admin.page, suite.stack, ADMIN, '/app/admin/tags');
    const create = admin.page.getByTestId('tag-create-form');
    await create.locator('input[name="tagName"]').fill('发票');
    await create.locator('button[type="submit"]').click();
    await admin.page.getByTestId('tag-list').getByTestId('tag-chip').filter({ hasText: '发票' }).waitFor();

    const agent = await openPage(suite.browser);
    await logIn(agent.page, suite.stack, wang);
    await openConversation(agent.page, tagged.id);
    const onConversation = agent.page.getByTestId('conversation-tags');
    await onConversation.getByTestId('tags-edit').click();
    await onConversation.getByTestId('tag-option-发票').check();
    await agent.page.locator('[data-testid="conversation-tags"] > [data-testid="tag-chip"]').filter({ hasText: '发票' }).waitFor();
    // The customer too, from the profile panel.
    const onCustomer = agent.page.getByTestId('customer-tags');
    await onCustomer.getByTestId('tags-edit').click();
    await onCustomer.getByTestId('tag-option-发票').check();
    await agent.page.locator('[data-testid="customer-tags"] > [data-testid="tag-chip"]').filter({ hasText: '发票' }).waitFor();
    const customerTags = await suite.stack.api<{ tagIds: string[] }>('GET', `/customers/${tagged.customerId}/tags`);
    expect(customerTags.body.tagIds).toHaveLength(1);
    await screenshot(agent.page, 'tags-conversation');

    await agent.page.getByTestId('search-filters').click();
    await agent.page.getByTestId('search-tag').selectOption({ label: '发票' });
    await agent.page.getByTestId('search-submit').click();
    await agent.page.locator(`[data-testid="search-hit"][data-conversation-id="${tagged.id}"]`).waitFor();
    expect(await agent.page.locator(`[data-testid="search-hit"][data-conversation-id="${other.id}"]`).count()).toBe(0);
    expect(await agent.page.getByTestId('search-hit').count()).toBe(1);
    await screenshot(agent.page, 'tags-filtered');
    // The admin's list counts the tagged conversation (the report of conversations per tag).
    await admin.page.reload();
    await admin.page.getByTestId('tag-count').filter({ hasText: /\b1\b/ }).waitFor();
    await screenshot(admin.page, 'tags-admin');
    for (const side of [admin, agent]) {
      expect(side.errors).toEqual([]);
      await side.context.close();
    }
  });

  it('finds a conversation by a Chinese word inside a sentence', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    await customerWrites(suite.stack, 'oSearch01', '请问我想退货应该怎么办理呢');
    await customerWrites(suite.stack, 'oSearch02', '我想换个颜色');
    const found = await conversationOf(suite.stack, 'oSearch01', 'assigned');
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);
    await page.getByTestId('search-input').fill('退货');
    await page.getByTestId('search-input').press('Enter');
    const hit = page.locator(`[data-testid="search-hit"][data-conversation-id="${found.id}"]`);
    await hit.filter({ hasText: '请问我想退货应该怎么办理呢' }).waitFor();
    expect(await page.getByTestId('search-hit').count()).toBe(1);
    await screenshot(page, 'search-results');
    await hit.click();
    await page.locator(`[data-conversation-open="${found.id}"]`).waitFor();
    await page.getByTestId('search-clear').click();
    await page.getByTestId('tab-mine').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
