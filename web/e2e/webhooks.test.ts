// In a browser, the 「Webhooks」 screen: the platform admin adds an endpoint (a local receiver on
// loopback, allowed by the test/dev setting), copies the secret shown once, sends a test event, which the
// receiver verifies with the documented signature, and reads the delivery log; then disables and deletes it.
import type { Browser } from 'playwright-core';
import { WebhookReceiver } from '../../server/src/e2e/testing/webhook-receiver';
import { launchChromium, openPage, screenshot } from './testing/browser';
import { ADMIN, eventually, logIn, startWebStack, type Stack } from './testing/web-stack';

let browser: Browser;
let stack: Stack;
let receiver: WebhookReceiver;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(async () => {
  stack = await startWebStack({ webhooks: { retry: { backoff: { baseMs: 200, maxMs: 1000 }, giveUpAfterMs: 60_000 } } });
  receiver = new WebhookReceiver();
  await receiver.up();
});
afterEach(async () => {
  await receiver.down();
  await stack.close();
});

it('adds an endpoint, shows its secret once, sends a test event the receiver verifies, and shows the log', async () => {
  const { page, errors } = await openPage(browser);
  await logIn(page, stack, ADMIN, '/app/admin/webhooks');
  await page.locator('[data-testid="webhooks-screen"]').waitFor();
  await page.getByText('还没有 Webhook').waitFor();
  await page.locator('[data-testid="webhook-create"]').click();
  await page.locator('input[name="url"]').fill('http://example.com/hooks');
  await page.locator('[data-testid="webhook-save"]').click();
  await page.getByText('接收地址必须以 https:// 开头').waitFor(); // the server's rule, said in Chinese on the form
  await page.locator('input[name="url"]').fill(receiver.url);
  await page.locator('[data-testid="webhook-events"] input[value="csat.received"]').uncheck();
  await screenshot(page, 'webhooks-create');
  await page.locator('[data-testid="webhook-save"]').click();
  const secret = (await page.locator('[data-testid="webhook-secret-value"]').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_/);
  receiver.secret = secret;
  await page.locator('[data-testid="webhook-test"]').click();
  await page.locator('[data-testid="webhook-notice"]').waitFor();
  const test = await eventually(async () => receiver.accepted.find((e) => e.type === 'webhook.test'), 10_000);
  expect(receiver.received.every((r) => r.verified)).toBe(true);
  expect(test.channelId).toBe('shop');

  await page.locator('[data-testid="webhook-log-open"]').click();
  await eventually(async () => {
    await page.locator('[data-testid="webhook-log-refresh"]').click();
    return (await page.locator('[data-testid="webhook-log"] tr[data-outcome="delivered"]').count()) > 0 ? true : undefined;
  }, 10_000);
  await page.locator('[data-testid="webhook-log"]').getByText('测试事件').waitFor();
  await page.locator('[data-testid="webhook-log"]').getByText('已送达').waitFor();
  await screenshot(page, 'webhooks-log');

  // The secret is gone after a reload: only its last four characters remain.
  await page.reload();
  await page.locator(`text=••••${secret.slice(-4)}`).waitFor();
  expect(await page.getByText(secret).count()).toBe(0);
  await page.locator('[data-testid="webhook-toggle"]').click();
  await page.locator('.badge.red', { hasText: '已停用' }).waitFor();
  await page.locator('[data-testid="webhook-delete"]').click();
  await page.locator('[data-testid="confirm-yes"]').click();
  await page.getByText('还没有 Webhook').waitFor();
  expect(errors).toEqual([]);
}, 90_000);
