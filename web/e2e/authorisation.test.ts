// In a browser, what an agent may not see: another channel's conversation (neither in the app nor over
// the API with the same cookie), the admin console and the admin API.
import { openPage, screenshot } from './testing/browser';
import { addChannel, conversationOf, createAgent, csrfHeaders, customerWrites, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

const OTHER = { id: 'other', appId: 'wxe2e0000000000002', originalId: 'gh_e2e000000002' };

describe('an agent’s reach', () => {
  it('cannot read another channel’s conversation, in the app or over the API', async () => {
    await addChannel(suite.stack, OTHER);
    await createAgent(suite.stack, { name: '别家客服', username: 'otheragent', channelId: OTHER.id });
    await customerWrites(suite.stack, 'oOtherCustomer1', '这是别家渠道的私密消息', OTHER.appId);
    const theirs = await conversationOf(suite.stack, 'oOtherCustomer1', 'assigned', OTHER.id);
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);
    await page.goto(`${suite.stack.baseUrl}/app/inbox/${theirs.id}`);
    await page.locator('.error, [role="alert"]').first().waitFor();
    await screenshot(page, 'inbox-forbidden');
    expect(await page.getByText('这是别家渠道的私密消息').count()).toBe(0);
    expect(await page.locator('[data-message-id]').count()).toBe(0);

    const api = (path: string) => context.request.get(`${suite.stack.baseUrl}/api/v1${path}`);
    const answered: string[] = [];
    for (const path of [
      `/conversations/${theirs.id}`,
      `/conversations/${theirs.id}/messages`,
      `/conversations/${theirs.id}/send-window`,
      `/channels/${OTHER.id}/conversations`,
      `/customers/${theirs.customerId}`,
    ]) {
      const res = await api(path);
      if (res.status() !== 403 && res.status() !== 404) answered.push(`${path}: HTTP ${res.status()}`);
      expect(await res.text()).not.toContain('这是别家渠道的私密消息');
    }
    expect(answered).toEqual([]); // each one 403 or 404
    const reply = await context.request.post(`${suite.stack.baseUrl}/api/v1/conversations/${theirs.id}/reply`, {
      headers: await csrfHeaders(context),
      data: { text: '越权回复' },
    });
    expect([403, 404]).toContain(reply.status());
    expect(await suite.stack.delivered('oOtherCustomer1')).not.toContain('越权回复');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('does not see the admin console, and the admin API refuses it', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);
    await page.locator('[data-testid="tab-queued"]').waitFor();
    expect(await page.locator('header.topbar a[href$="/admin"]').count()).toBe(0);
    expect(await page.getByTestId('admin-nav').count()).toBe(0);
    await page.goto(`${suite.stack.baseUrl}/app/admin`);
    await page.locator('header.topbar').waitFor();
    expect(await page.getByTestId('admin-nav').count()).toBe(0);
    expect(await page.getByTestId('dashboard').count()).toBe(0);

    const headers = await csrfHeaders(context);
    const refused = [
      await context.request.get(`${suite.stack.baseUrl}/api/v1/accounts`),
      await context.request.get(`${suite.stack.baseUrl}/api/v1/tokens`),
      await context.request.post(`${suite.stack.baseUrl}/api/v1/accounts`, {
        headers,
        data: { username: 'sneaky', password: 'sneaky-password-1', grant: { role: 'platform_admin' } },
      }),
      await context.request.post(`${suite.stack.baseUrl}/api/v1/channels/shop/agents`, { headers, data: { name: '冒名客服' } }),
      await context.request.get(`${suite.stack.baseUrl}/api/v1/channels/shop/knowledge`),
    ];
    expect(refused.map((r) => r.status())).toEqual([403, 403, 403, 403, 403]);
    // The CSRF token was right: these are refusals of the role, not of a forged request.
    for (const r of refused) expect(((await r.json()) as { error: { code: string } }).error.code).not.toBe('csrf_failed');
    expect(errors).toEqual([]);
    await context.close();
  });
});
