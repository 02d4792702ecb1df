// The open platform (扫码授权) as a browser test drives it: every click and typed field counted (the steps an
// admin takes), the platform configured in the console and registered in WeChat's open-platform console
// (the emulator) with the URLs the console shows, and an account authorized through the console's link
// and WeChat's (the emulator's) authorization page in Chromium.
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser';
import { eventually, type Stack } from './web-stack';

/** Counts what the admin does: each click and each field typed is one step. */
export class Steps {
  count = 0;
  async click(locator: Locator): Promise<void> {
    this.count++;
    await locator.click();
  }
  async fill(locator: Locator, value: string): Promise<void> {
    this.count++;
    await locator.fill(value);
  }
  async check(locator: Locator, on: boolean): Promise<void> {
    this.count++;
    await locator.setChecked(on);
  }
}

/** WeChat's open-platform console (开发资料): the platform's own values, chosen by its operator. */
export const COMPONENT = { componentAppId: 'wxe2ecomponent0001', appSecret: 'e2eComponentSecret01' };

export interface PlatformValues {
  token: string;
  encodingAesKey: string;
  eventsUrl: string;
  messagesUrl: string;
}

/** The platform screen: type the AppID and AppSecret, generate the Token and key, save; read the URLs. */
export async function configurePlatform(page: Page, stack: Stack, steps: Steps): Promise<PlatformValues> {
  await page.goto(`${stack.baseUrl}/app/admin/platform`);
  await page.getByTestId('platform-form').waitFor();
  await steps.fill(page.locator('input[name="componentAppId"]'), COMPONENT.componentAppId);
  await steps.fill(page.locator('input[name="appSecret"]'), COMPONENT.appSecret);
  await steps.click(page.getByTestId('platform-generate-token'));
  await steps.click(page.getByTestId('platform-generate-encodingAesKey'));
  const token = await page.locator('input[name="token"]').inputValue();
  const encodingAesKey = await page.locator('input[name="encodingAesKey"]').inputValue();
  await steps.click(page.getByTestId('platform-save'));
  await page.getByTestId('platform-urls').waitFor();
  const eventsUrl = (await page.getByTestId('platform-events-url').getAttribute('data-value')) as string;
  const messagesUrl = (await page.getByTestId('platform-messages-url').getAttribute('data-value')) as string;
  // Write-only: the inputs are emptied and the answer holds none of them.
  expect(await page.locator('input[name="token"]').inputValue()).toBe('');
  return { token, encodingAesKey, eventsUrl, messagesUrl };
}

/** The operator pastes the values and URLs into WeChat's console: WeChat (the emulator) pushes a ticket. */
export async function registerInWeChat(stack: Stack, values: PlatformValues): Promise<void> {
  await stack.emulator.admin('/open-platform', {
    componentAppId: COMPONENT.componentAppId,
    componentAppSecret: COMPONENT.appSecret,
    token: values.token,
    encodingAesKey: values.encodingAesKey,
    authEventUrl: values.eventsUrl,
    messageUrl: values.messagesUrl,
    redirectDomain: new URL(stack.baseUrl).host,
  });
}

/** The ticket has arrived: the platform screen says so after "refresh". */
export async function ticketShown(page: Page): Promise<void> {
  await eventually(async () => {
    await page.getByTestId('platform-refresh').click();
    return (await page.getByTestId('platform-ticket').getAttribute('data-valid')) === 'yes' ? true : undefined;
  }, 10_000);
}

export interface AuthorizeOptions {
  target: 'miniprogram' | 'official_account' | 'both';
  appId: string;
  /** Permission sets the admin unticks on WeChat's page. */
  untick?: number[];
  /** Screenshots of the link and of WeChat's page under this name. */
  shots?: string;
}

/** 新建渠道 → 扫码授权 → the link → WeChat's page: the account, confirm → back on the channel's page. */
export async function authorizeInBrowser(page: Page, stack: Stack, steps: Steps, o: AuthorizeOptions): Promise<void> {
  if (!page.url().includes('/app/admin/channels')) await page.goto(`${stack.baseUrl}/app/admin/channels`);
  await steps.click(page.getByTestId('channel-create'));
  await steps.click(page.getByTestId('channel-way-scan'));
  if (o.target !== 'miniprogram') await steps.check(page.locator(`input[name="target"][value="${o.target}"]`), true);
  await steps.click(page.getByTestId('authorization-link-create'));
  await page.getByTestId('authorization-link').waitFor();
  if (o.shots) await screenshot(page, `${o.shots}-link`);
  await steps.click(page.getByTestId('authorization-link-pc'));
  // WeChat's page (the emulator's, on its own origin): the admin picks the account and confirms.
  await page.locator(`#account-${o.appId}`).waitFor();
  await steps.check(page.locator(`#account-${o.appId}`), true);
  for (const id of o.untick ?? []) await steps.check(page.locator(`#func-${id}`), false);
  if (o.shots) await screenshot(page, `${o.shots}-wechat-page`);
  await steps.click(page.locator('#confirm'));
  await page.waitForURL((url) => url.pathname === '/app/admin/channels' && url.searchParams.get('authorized') === o.appId);
  await page.getByTestId('authorization-done').waitFor();
  await page.getByTestId('channel-authorization').waitFor();
}

/** The stack with an API client that logs in again (its first session ended on the test clock). */
export function withFreshLogin(stack: Stack): Stack {
  let bearer: string | undefined;
  const api: Stack['api'] = async <T>(method: string, path: string, body?: unknown) => {
    bearer ??= (
      (await (
        await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
        })
      ).json()) as { token: string }
    ).token;
    const res = await fetch(`${stack.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  };
  return Object.assign(Object.create(stack) as Stack, { api });
}
