// In a browser, the channel page's setup in the order that works, driven by the WeChat emulator: the page
// shows the three steps and warns that a loopback push URL cannot be reached by WeChat; a Token and
// EncodingAESKey pasted from WeChat's console are checked by WeChat's rules, then saved; saving the same
// values in WeChat's console (the emulator verifies the URL with a GET, as WeChat does) turns "URL
// verified" green, and a customer's message turns "first push received" green, without a reload. The ids
// integrators need show with copy buttons; the configuration file exports and a bad one is refused.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { SCREENSHOT_DIR, launchChromium, openPage } from './testing/browser';
import { ADMIN, CHANNEL, customerWrites, logIn, startWebStack, type Stack } from './testing/web-stack';

let browser: Browser;
let stack: Stack;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(async () => {
  stack = await startWebStack();
});
afterEach(() => stack?.close());

const PASTED_TOKEN = 'PastedFromWeChat2026';
const PASTED_KEY = 'PastedKey0123456789abcdefghijABCDEFGHIJ0123';

/** What the integrator's ids list shows: a merchant, a skill group and an agent. */
async function seedIds(): Promise<{ merchantId: string; groupId: string; agentId: string }> {
  const m = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/merchants`, { code: 'SF-01', name: '顺丰旗舰店' });
  const g = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/groups`, { name: '售前咨询', merchantId: m.body.id });
  const a = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name: '小美', merchantId: m.body.id });
  return { merchantId: m.body.id, groupId: g.body.id, agentId: a.body.id };
}

async function openChannel(page: Page): Promise<void> {
  await logIn(page, stack, ADMIN, '/app/admin/channels');
  await page.locator(`tr[data-id="${CHANNEL.id}"]`).getByRole('button', { name: '编辑' }).click();
  await page.getByTestId('setup-steps').waitFor();
}

/** WeChat's console (the emulator): it GET-verifies the URL with the submitted Token before it keeps anything. */
async function submitInWeChatConsole(token: string, encodingAesKey: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${stack.emulator.baseUrl}/emulator/apps/${CHANNEL.appId}/push-config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pushUrl: stack.target.url, token, encodingAesKey, mode: 'secure', format: 'xml' }),
  });
  return { status: res.status, text: await res.text() };
}

/** The page scrolls inside the console's own pane, so the section itself is pictured, whole. */
async function screenshot(section: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await section.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

const state = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-state');

it('walks the steps: paste and save here, submit in WeChat’s console, URL verified and first push turn green live', async () => {
  const ids = await seedIds();
  const { page, errors } = await openPage(browser);
  await openChannel(page);

  // The steps in the order that works; the loopback push URL is called out.
  const titles = await page.locator('[data-testid="setup-steps"] .admin-step h3').allInnerTexts();
  expect(titles.map((t) => t.replace(/\s+/g, ' '))).toEqual([
    expect.stringContaining('在本页填写并保存'),
    expect.stringContaining('在微信后台提交'),
    expect.stringContaining('变绿'),
  ]);
  const warning = page.getByTestId('push-url-warning');
  await warning.waitFor();
  expect(await warning.innerText()).toContain('服务器地址指向本机（127.0.0.1）');
  expect(await warning.innerText()).toContain('端口');
  expect(await warning.innerText()).toContain('KEFU_PUBLIC_BASE_URL');
  expect(await state(page, 'indicator-verified')).toBe('off');
  expect(await state(page, 'indicator-first-push')).toBe('off');

  // Every id an integrator needs, with copy buttons.
  for (const id of [CHANNEL.id, CHANNEL.appId, 'SF-01', ids.merchantId, ids.groupId, ids.agentId])
    await page.locator(`[data-testid="integration-ids"] code[data-value="${id}"]`).waitFor();
  expect(await page.locator('[data-testid="ids-groups"] .admin-copy').count()).toBe(1);
  await screenshot(page.getByTestId('step-wechat'), 'channel-setup-warning');
  await screenshot(page.getByTestId('integration-ids'), 'channel-setup-ids');

  // WeChat's rules, said in a sentence before anything is sent.
  await page.locator('input[name="token"]').fill('a-b');
  await page.locator('input[name="encodingAesKey"]').fill(PASTED_KEY.slice(1));
  await page.getByTestId('channel-save').click();
  await page.getByText('Token 须为 3–32 位英文字母或数字').waitFor();
  await page.getByText('EncodingAESKey 须正好 43 位英文字母或数字，现在是 42 位').waitFor();

  // Pasted from WeChat's console (with the stray spaces a copy brings), then saved here first.
  await page.locator('input[name="token"]').fill(` ${PASTED_TOKEN} `);
  await page.locator('input[name="encodingAesKey"]').fill(`${PASTED_KEY}\t`);
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/channels/${CHANNEL.id}`) && r.request().method() === 'PATCH'),
    page.getByTestId('channel-save').click(),
  ]);
  expect(saved.status()).toBe(200);
  expect(saved.request().postDataJSON()).toMatchObject({ token: PASTED_TOKEN, encodingAesKey: PASTED_KEY });
  expect(await saved.text()).not.toContain(PASTED_TOKEN);
  await page.locator(`[data-testid="push-values"] [data-value="${PASTED_TOKEN}"]`).waitFor();

  // WeChat's console verifies the URL with the new Token: the page turns "URL verified" green by itself.
  expect(await submitInWeChatConsole(PASTED_TOKEN, PASTED_KEY)).toMatchObject({ status: 200 });
  await page.locator('[data-testid="indicator-verified"][data-state="on"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="step-wechat"][data-state="done"]').waitFor();
  expect(await state(page, 'indicator-first-push')).toBe('off');

  // A customer writes: the push arrives with the pasted values, and "first push received" turns green.
  await customerWrites(stack, 'oSetupCustomer', '你好，在吗？');
  await page.locator('[data-testid="indicator-first-push"][data-state="on"]').waitFor({ timeout: 15_000 });
  await page.locator('[data-testid="step-live"][data-state="done"]').waitFor();
  await screenshot(page.getByTestId('step-live'), 'channel-setup-verified');

  // A UnionID key on request, shown for the integrator's backend; saving sends it alone (the Token and
  // key saved before are not sent again, which would start another grace period).
  await page.getByTestId('union-key-generate').click();
  const unionIdKey = await page.getByTestId('union-key-value').getAttribute('data-value');
  expect(unionIdKey).toMatch(/^[A-Za-z0-9]{32}$/);
  const [withKey] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/channels/${CHANNEL.id}`) && r.request().method() === 'PATCH'),
    page.getByTestId('channel-save').click(),
  ]);
  expect(withKey.status()).toBe(200);
  const sent = withKey.request().postDataJSON() as Record<string, unknown>;
  expect(sent).toMatchObject({ unionIdKey });
  expect(sent).not.toHaveProperty('token');
  expect((await stack.api<{ hasUnionIdKey: boolean }>('GET', `/channels/${CHANNEL.id}`)).body.hasUnionIdKey).toBe(true);
  // The whole page in one picture: a viewport tall enough for every step.
  await page.setViewportSize({ width: 1280, height: 2600 });
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'channel-setup-steps.png') });
  expect(errors).toEqual([]);
}, 120_000);

it('exports the configuration without a secret and refuses a file that is not one', async () => {
  await seedIds();
  const { page, errors } = await openPage(browser);
  await openChannel(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('channel-config-export').click()]);
  expect(download.suggestedFilename()).toBe(`channel-${CHANNEL.id}-config.json`);
  const text = readFileSync((await download.path()) as string, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'kefu.channel-config', version: 1, merchants: [{ code: 'SF-01' }] });
  for (const secret of [CHANNEL.secret, CHANNEL.token, CHANNEL.encodingAesKey]) expect(text).not.toContain(secret);

  // Imported back into the same channel: matched by name and code, nothing doubled.
  const input = page.getByTestId('channel-config-input');
  await input.setInputFiles({ name: 'config.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('channel-config-done').getByText('商家新建 0、更新 1').waitFor();
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.getByText('这个文件不是 JSON，无法导入').waitFor();
  await screenshot(page.getByTestId('channel-config-file'), 'channel-setup-config');
  expect(errors).toEqual([]);
}, 90_000);

it('builds the push URL on the configured public base URL, and says what WeChat could not reach', async () => {
  await stack.close();
  stack = await startWebStack({ publicBaseUrl: 'http://192.168.1.10:8080' });
  const { page, errors } = await openPage(browser);
  await openChannel(page);
  await page.locator(`[data-testid="push-url"][data-value="http://192.168.1.10:8080/wechat/${CHANNEL.id}"]`).waitFor();
  const warning = await page.getByTestId('push-url-warning').innerText();
  expect(warning).toContain('内网地址（192.168.1.10）');
  expect(warning).toContain('端口 8080');
  expect(warning).toContain('http');
  expect(warning).not.toContain('KEFU_PUBLIC_BASE_URL'); // the server's own setting, not the browser's address

  await stack.close();
  stack = await startWebStack({ publicBaseUrl: 'https://kefu.example.com' });
  await openChannel(page);
  await page.locator(`[data-testid="push-url"][data-value="https://kefu.example.com/wechat/${CHANNEL.id}"]`).waitFor();
  await page.getByTestId('push-url-ok').waitFor();
  expect(await page.getByTestId('push-url-warning').count()).toBe(0);
  expect(errors).toEqual([]);
}, 90_000);
