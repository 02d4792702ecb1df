// 扫码授权 end to end: the server (test clock) and WeChat's open platform played by the emulator on its own
// port, the console in Chromium. A platform admin configures the third-party platform in the console, WeChat
// (the emulator) is given the URLs the console shows and pushes tickets; a mini program and an official
// account are authorized from 新建渠道 through WeChat's authorization page, each channel created by itself;
// a customer's message on each is received and answered with the authorizer's token; the token is refreshed
// across its expiry; a re-authorization with fewer permissions shows what is missing; a revocation shows the
// channel revoked and nothing more is sent. Prints the steps and seconds from 新建渠道 to the first answer,
// and the token calls per authorizer per day over 48 emulated hours.
import type { Browser, Page } from 'playwright-core';
import { HOUR, MINUTE, syncEmulator } from '../../server/src/e2e/testing/clock';
import { launchChromium, openPage, screenshot } from './testing/browser';
import { AUTHORIZER_TOKEN, answered, fortyEightHours, pass, pushAsWeChat, robotAnswers, tokenCalls } from './testing/open-platform-run';
import {
  authorizeInBrowser,
  configurePlatform,
  type PlatformValues,
  registerInWeChat,
  Steps,
  ticketShown,
  withFreshLogin,
} from './testing/open-platform-steps';
import {
  ADMIN,
  type AgentLogin,
  conversationOf,
  createAgent,
  customerWrites,
  eventually,
  logIn,
  setStatus,
  startWebStack,
  type Stack,
} from './testing/web-stack';

/** The merchant's accounts as WeChat (the emulator) knows them: no push URL, no secret ever typed. */
const MINI = { appId: 'wxe2eopenmini00001', originalId: 'gh_e2eopenmini1', nickName: '开放小店', kind: 'miniprogram' };
const OA = { appId: 'wxe2eopenoa0000001', originalId: 'gh_e2eopenoa001', nickName: '开放服务号', kind: 'official_account' };

let browser: Browser;
let stack: Stack;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  stack = await startWebStack({ testClock: true });
  await syncEmulator(stack);
  for (const a of [MINI, OA]) {
    await stack.emulator.admin('/apps', { ...a, secret: `${a.appId}Secret`, mode: 'plaintext', format: 'xml' });
  }
});
afterEach(() => stack?.close());

async function channelPageShows(page: Page, channelId: string, state: 'authorized' | 'revoked'): Promise<void> {
  await eventually(async () => {
    await page.goto(`${stack.baseUrl}/app/admin/channels?channel=${channelId}`);
    const shown = page.getByTestId('channel-authorization');
    await shown.waitFor();
    return (await shown.getAttribute('data-state')) === state ? true : undefined;
  }, 10_000);
}

/** The platform, in the order that works: values saved here, URLs entered in WeChat, the ticket arrives. */
async function setUpPlatform(page: Page): Promise<PlatformValues> {
  const setup = new Steps();
  const values = await configurePlatform(page, stack, setup);
  expect(values.messagesUrl).toBe(`${stack.baseUrl}/wechat/component/$APPID$/messages`);
  await registerInWeChat(stack, values);
  await ticketShown(page);
  await screenshot(page, 'open-platform-settings');
  console.log(`the platform's settings: ${setup.count} steps (clicks/fields) in the console`);
  return values;
}

/** The mini program: from 新建渠道 to the customer's first message answered, measured. */
async function firstAnswerMeasured(page: Page): Promise<AgentLogin> {
  await page.goto(`${stack.baseUrl}/app/admin/channels`);
  const steps = new Steps();
  const started = Date.now();
  await authorizeInBrowser(page, stack, steps, { target: 'miniprogram', appId: MINI.appId, shots: 'open-platform-mini' });
  const channels = (await stack.api<{ items: Array<Record<string, unknown>> }>('GET', '/channels')).body.items;
  expect(channels).toContainEqual(
    expect.objectContaining({ id: MINI.appId, name: MINI.nickName, kind: 'miniprogram', originalId: MINI.originalId }),
  );
  expect(await page.getByTestId('authorization-state').innerText()).toContain('已授权');
  expect(await page.locator('input[name="name"]').inputValue()).toBe(MINI.nickName); // the new channel, opened
  // Nothing of developer authorization to fill in: no credentials test, no Token or key to paste.
  expect(await page.getByTestId('channel-test').count()).toBe(0);
  expect(await page.getByTestId('push-values').count()).toBe(0);
  await screenshot(page, 'open-platform-authorized');
  const consoleSteps = steps.count;
  // The admin adds an agent (name, save: 2 steps); the customer writes; the agent answers (text, send: 2 steps).
  const agent = await createAgent(stack, { name: '小开', username: 'xiaokai', channelId: MINI.appId });
  await answered(stack, agent.agentId, { appId: MINI.appId, openid: 'oOpenMini1', text: '你好，在吗？', answer: '您好，小开为您服务' });
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `扫码授权: ${consoleSteps + 4} steps (${consoleSteps} clicks/fields in the console and on WeChat's page, 2 to add an agent, 2 to answer) and ${seconds.toFixed(1)} s from 新建渠道 to the customer's first message answered`,
  );
  return agent;
}

/** The token calls so far: one api_query_auth per authorization, no refresh yet, never cgi-bin/token. */
async function tokensAfterAuthorizing(): Promise<void> {
  // Both the redirect and the `authorized` event bring the code: WeChat is asked once.
  expect((await tokenCalls(stack))['cgi-bin/component/api_query_auth']).toBe(2);
  for (const appId of [MINI.appId, OA.appId]) {
    expect(await tokenCalls(stack, appId)).toMatchObject({ 'cgi-bin/token': 0, 'cgi-bin/stable_token': 0, [AUTHORIZER_TOKEN]: 0 });
  }
}

/** 48 emulated hours: one refresh per expiry, never cgi-bin/token; printed per authorizer per day. */
async function tokensOverTwoDays(): Promise<void> {
  await robotAnswers(stack, MINI.appId);
  await robotAnswers(stack, OA.appId);
  const run = await fortyEightHours(stack, [MINI.appId, OA.appId]);
  for (const [appId, counts] of Object.entries(run)) {
    const refreshes = counts[AUTHORIZER_TOKEN] ?? 0;
    console.log(`token calls of ${appId} in 48 emulated hours: ${JSON.stringify(counts)}; per day ${refreshes / 2} api_authorizer_token`);
    expect(counts).toMatchObject({ 'cgi-bin/token': 0, 'cgi-bin/stable_token': 0 });
    // A 2-hour token refreshed 5 minutes early, only when needed: at most 26 in 48 hours.
    expect(refreshes).toBeGreaterThanOrEqual(20);
    expect(refreshes).toBeLessThanOrEqual(26);
  }
}

/** Revoked in WeChat while a customer waits: the channel shows it, its history stays, nothing more is sent. */
async function revokedWhileWaiting(page: Page, values: PlatformValues, agent: AgentLogin): Promise<void> {
  expect((await stack.api('PUT', `/channels/${OA.appId}/settings`, { receptionMode: 'agents_only' })).status).toBe(200);
  await setStatus(stack, agent.agentId, 'online');
  await customerWrites(stack, 'oOpenOa2', '我的订单呢？', OA.appId);
  const waiting = await conversationOf(stack, 'oOpenOa2', 'assigned', OA.appId);
  const before = (await stack.delivered()).length;
  await stack.emulator.admin(`/open-platform/authorizations/${OA.appId}/revoke`);
  await channelPageShows(page, OA.appId, 'revoked');
  // Every admin screen tells the platform admin which channel lost its authorization.
  await page.getByTestId('revoked-authorizations').filter({ hasText: OA.appId }).waitFor();
  await screenshot(page, 'open-platform-revoked');
  // The agent's reply is taken into the outbox, and the sender gives it up at once (no retries, no call to WeChat).
  const late = await stack.api<{ messageId: string }>('POST', `/conversations/${waiting.id}/reply`, {
    agentId: agent.agentId,
    text: '马上为您查询',
  });
  const outbox = stack.server.db.prepare('SELECT status, attempts, last_error AS reason FROM outbox WHERE message_id = ?');
  const row = () => outbox.get(late.body.messageId) as { status: string; attempts: number; reason: string } | undefined;
  expect(await eventually(async () => (row()?.status === 'failed' ? row() : undefined))).toEqual({
    status: 'failed',
    attempts: 1,
    reason: expect.stringContaining('revoked its authorization'),
  });
  expect((await stack.delivered()).length).toBe(before);
  // A push for the revoked account (late, or forged with the platform's own key) is refused, and not stored.
  expect((await pushAsWeChat(stack, values, OA, 'oOpenOa3')).status).toBe(404);
  expect((await stack.api('GET', `/channels/${OA.appId}/customers?openid=oOpenOa3`)).status).toBe(404);
  const history = await stack.api<{ items: unknown[] }>('GET', `/channels/${OA.appId}/conversations?limit=50`);
  expect(history.body.items.length).toBeGreaterThan(0);
}

it('configures the platform, authorizes by scanning, answers, refreshes, updates and revokes', async () => {
  const { context, page, errors } = await openPage(browser);
  await logIn(page, stack, ADMIN);
  const values = await setUpPlatform(page);
  const miniAgent = await firstAnswerMeasured(page);

  // The official account, the same way.
  await authorizeInBrowser(page, stack, new Steps(), { target: 'official_account', appId: OA.appId, shots: 'open-platform-oa' });
  const oaAgent = await createAgent(stack, { name: '小服', username: 'xiaofu', channelId: OA.appId });
  await answered(stack, oaAgent.agentId, { appId: OA.appId, openid: 'oOpenOa1', text: '请问营业时间？', answer: '您好，9 点到 18 点' });
  await tokensAfterAuthorizing();

  // Across the token's expiry (2 h on both clocks): one refresh, and the answer still goes out.
  await pass(stack, 2 * HOUR + MINUTE);
  await answered(stack, miniAgent.agentId, { appId: MINI.appId, openid: 'oOpenMini2', text: '还在吗？', answer: '在的' });
  expect((await tokenCalls(stack, MINI.appId))[AUTHORIZER_TOKEN]).toBe(1);

  await tokensOverTwoDays();

  // An update: authorized again without 开发管理 (18) → the kit's login is shown broken.
  await logIn(page, stack, ADMIN, '/app/admin/channels'); // 48 hours later the console session has ended
  stack = withFreshLogin(stack); // and so has the API session of the test's client
  await authorizeInBrowser(page, stack, new Steps(), { target: 'miniprogram', appId: MINI.appId, untick: [18] });
  await page.locator('[data-testid="missing-permissions"] [data-permission="18"]').waitFor();
  await screenshot(page, 'open-platform-missing-permission');

  await revokedWhileWaiting(page, values, oaAgent);
  expect(errors).toEqual([]);
  await context.close();
}, 300_000);

it('shows why an authorization failed, in the admin’s language', async () => {
  const { context, page, errors } = await openPage(browser, { locale: 'en-GB' });
  await logIn(page, stack, ADMIN, '/app/admin/channels?authorization_error=wechat_refused');
  const shown = page.getByTestId('authorization-error');
  await shown.waitFor();
  expect(await shown.innerText()).toContain('WeChat refused');
  // Without a platform, 扫码授权 says what to do first.
  await page.getByTestId('channel-create').click();
  await page.getByTestId('channel-way-scan').click();
  await page.getByTestId('authorization-link-create').click();
  await page.getByTestId('platform-missing').waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
