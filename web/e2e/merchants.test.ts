// In a browser, merchant isolation: two merchants behind one mini program. A merchant admin and a
// merchant's agent see their own merchant's conversations only, in the app and over the API with the
// same cookie; the merchant admin's console has no platform-only screens.
import type { BrowserContext, Page } from 'playwright-core';
import { arrangePeople, customerWrites, type People } from '../../server/src/http/api/testing/stack-people';
import { CHANNEL } from '../../server/src/e2e/testing/stack';
import { openPage, screenshot } from './testing/browser';
import { logIn, type Stack } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

async function login(stack: Stack, username: string, grant: unknown): Promise<{ username: string; password: string }> {
  const password = `${username}-password`;
  const res = await stack.api('POST', '/accounts', { username, password, grant });
  if (res.status !== 201) throw new Error(`creating ${username}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return { username, password };
}

/** Opens the other merchant's conversation in the app and over the API: an error, never its messages. */
async function cannotSee(page: Page, context: BrowserContext, stack: Stack, conversationId: string, secret: string): Promise<void> {
  await page.goto(`${stack.baseUrl}/app/inbox/${conversationId}`);
  await page.locator('.error, [role="alert"]').first().waitFor();
  expect(await page.getByText(secret).count()).toBe(0);
  expect(await page.locator('[data-message-id]').count()).toBe(0);
  for (const path of [`/conversations/${conversationId}`, `/conversations/${conversationId}/messages`]) {
    const res = await context.request.get(`${stack.baseUrl}/api/v1${path}`);
    expect([403, 404]).toContain(res.status());
    expect(await res.text()).not.toContain(secret);
  }
}

describe('merchants behind one mini program, in the browser', () => {
  let people: People;
  let one: string;
  let two: string;
  beforeEach(async () => {
    people = await arrangePeople(suite.stack);
    one = await customerWrites(suite.stack, 'oShopOneCustomer', '一号店：我的订单地址是保密的', 'shop-1');
    two = await customerWrites(suite.stack, 'oShopTwoCustomer', '二号店：我的手机号是保密的', 'shop-2');
  });

  it('a merchant admin sees the own merchant only, and no platform screens', async () => {
    const admin = await login(suite.stack, 'shoponeboss', {
      role: 'merchant_admin',
      channelId: CHANNEL.id,
      merchantId: people.merchants.m1,
    });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, admin);
    await page.locator('[data-testid="admin-nav"]').waitFor();
    expect(await page.locator('[data-testid="admin-nav"] a[href$="/admin/merchants"]').count()).toBe(0);
    expect(await page.locator('[data-testid="admin-nav"] a[href$="/admin/tokens"]').count()).toBe(0);

    await page.goto(`${suite.stack.baseUrl}/app/inbox`);
    await page.locator('[data-testid="tab-mine"]').click();
    await page.locator(`[data-conversation-id="${one}"]`).waitFor();
    expect(await page.locator(`[data-conversation-id="${two}"]`).count()).toBe(0);
    await page.locator(`[data-conversation-id="${one}"]`).click();
    await page.getByText('一号店：我的订单地址是保密的').first().waitFor();
    await screenshot(page, 'merchant-admin-inbox');
    await cannotSee(page, context, suite.stack, two, '二号店：我的手机号是保密的');
    expect(errors).toEqual([]);
  });

  it('a merchant’s agent sees the own merchant’s conversation only', async () => {
    const agent = await login(suite.stack, 'shoptwoagent', { role: 'agent', agentId: people.agents.m2 });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, agent);
    await page.locator('[data-testid="tab-mine"]').click();
    await page.locator(`[data-conversation-id="${two}"]`).waitFor();
    expect(await page.locator(`[data-conversation-id="${one}"]`).count()).toBe(0);
    await cannotSee(page, context, suite.stack, one, '一号店：我的订单地址是保密的');
    expect(errors).toEqual([]);
  });
});
