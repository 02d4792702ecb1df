// 扫码授权 end to end: the server (test clock) and WeChat's open platform played by the emulator on its own
// port, the console in Chromium. A platform admin configures the third-party platform in the console, WeChat
// (the emulator) is given the URLs the console shows and pushes tickets; a mini program and an official
// account are authorized from 新建渠道 through WeChat's authorization page, each channel created by itself;
// a customer's message on each is received and answered with the authorizer's token; the token is refreshed
// across its expiry; a re-authorization with fewer permissions shows what is missing; a revocation shows the
// channel revoked and nothing more is sent. Prints the steps and seconds from 新建渠道 to the first answer,
// and the token calls per authorizer per day over 48 emulated hours.
import type { Browser, Page } from 'playwright-core';
import { advance, HOUR, MINUTE, syncEmulator } from '../../server/src/e2e/testing/clock';
import { launchChromium, openPage, screenshot } from './testing/browser';
import { exampleMessage, sendPush } from '../../server/src/wechat/push-client/index';
import {
  authorizeInBrowser,
  COMPONENT,
  configurePlatform,
  registerInWeChat,
  Steps,
  ticketShown,
  withFreshLogin,
} from './testing/open-platform-steps';
import {
  ADMIN,
  conversationOf,
  createAgent,
  customerWrites,
  deliveredTo,
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

interface TokenCalls {
  counts: Record<string, number>;
}

/**
 * Moves both clocks in 5-minute steps: the emulator follows the server after each step, so a token the
 * server fetches on the way is issued at (nearly) the server's instant, not at the start of a long jump.
 */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 5 * MINUTE) await advance(stack, Math.min(left, 5 * MINUTE));
}

async function tokenCalls(appId: string, since?: number): Promise<Record<string, number>> {
  const query = new URLSearchParams({ appId, ...(since !== undefined && { since: String(since) }) });
  return ((await (await fetch(`${stack.emulator.baseUrl}/emulator/token-calls?${query}`)).json()) as TokenCalls).counts;
}

const emulatorNow = async () => ((await (await fetch(`${stack.emulator.baseUrl}/emulator/clock`)).json()) as { now: number }).now;

/** The customer writes on `appId`; the online agent answers; WeChat delivers the answer. */
async function answered(appId: string, agentId: string, openid: string, text: string, answer: string): Promise<void> {
  await customerWrites(stack, openid, text, appId);
  const conversation = await conversationOf(stack, openid, 'assigned', appId);
  const reply = await stack.api('POST', `/conversations/${conversation.id}/reply`, { agentId, text: answer });
  expect(reply.status).toBe(202);
  await deliveredTo(stack, openid, answer);
}

/** The robot answers every new conversation on the channel (for the long run: no agent needed). */
async function robotAnswers(channelId: string): Promise<void> {
  expect((await stack.api('PUT', `/channels/${channelId}/settings`, { receptionMode: 'robot_first' })).status).toBe(200);
  const entry = { number: 1, keywords: ['在吗'], type: 'text', text: '在的，请问有什么可以帮您？' };
  expect((await stack.api('POST', `/channels/${channelId}/knowledge`, entry)).status).toBe(201);
}

/** 48 emulated hours, a customer on each account every hour, each answered by the robot. */
async function longRun(appIds: string[]): Promise<Record<string, Record<string, number>>> {
  const since = await emulatorNow();
  for (let hour = 0; hour < 48; hour++) {
    for (const appId of appIds) {
      const openid = `o48h${appId.slice(-4)}h${hour}`;
      await customerWrites(stack, openid, '在吗', appId);
      await deliveredTo(stack, openid, '在的，请问有什么可以帮您？');
    }
    await pass(HOUR);
  }
  return Object.fromEntries(await Promise.all(appIds.map(async (id) => [id, await tokenCalls(id, since)] as const)));
}

async function channelPageShows(page: Page, channelId: string, testId: string, attr: string, value: string): Promise<void> {
  await eventually(async () => {
    await page.goto(`${stack.baseUrl}/app/admin/channels?channel=${channelId}`);
    await page.getByTestId('channel-authorization').waitFor();
    return (await page.getByTestId(testId).getAttribute(attr)) === value ? true : undefined;
  }, 10_000);
}

it('configures the platform, authorizes by scanning, answers, refreshes, updates and revokes', async () => {
  const { context, page, errors } = await openPage(browser);
  await logIn(page, stack, ADMIN);

  // The platform, in the order that works: values saved here, URLs entered in WeChat, the ticket arrives.
  const setup = new Steps();
  const values = await configurePlatform(page, stack, setup);
  expect(values.messagesUrl).toBe(`${stack.baseUrl}/wechat/component/$APPID$/messages`);
  await registerInWeChat(stack, values);
  await ticketShown(page);
  await screenshot(page, 'open-platform-settings');

  // The mini program: from 新建渠道 to the customer's first message answered, measured.
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
  await screenshot(page, 'open-platform-authorized');
  const consoleSteps = steps.count;
  // The admin adds an agent (name, save: 2 steps); the customer writes; the agent answers (text, send: 2 steps).
  const miniAgent = await createAgent(stack, { name: '小开', username: 'xiaokai', channelId: MINI.appId });
  await answered(MINI.appId, miniAgent.agentId, 'oOpenMini1', '你好，在吗？', '您好，小开为您服务');
  const seconds = (Date.now() - started) / 1000;
  const totalSteps = consoleSteps + 4;
  console.log(
    `扫码授权: ${totalSteps} steps (${consoleSteps} clicks/fields in the console and on WeChat's page, 2 to add an agent, 2 to answer) and ${seconds.toFixed(1)} s from 新建渠道 to the customer's first message answered; platform setup ${setup.count} steps`,
  );

  // The official account, the same way.
  await authorizeInBrowser(page, stack, new Steps(), { target: 'official_account', appId: OA.appId, shots: 'open-platform-oa' });
  const oaAgent = await createAgent(stack, { name: '小服', username: 'xiaofu', channelId: OA.appId });
  await answered(OA.appId, oaAgent.agentId, 'oOpenOa1', '请问营业时间？', '您好，9 点到 18 点');

  // One api_query_auth per authorization, though both the redirect and the `authorized` event bring its code.
  const all = await (await fetch(`${stack.emulator.baseUrl}/emulator/token-calls`)).json();
  expect((all as TokenCalls).counts['cgi-bin/component/api_query_auth']).toBe(2);
  // Each authorizer's first token came with api_query_auth; cgi-bin/token was never called for either.
  for (const appId of [MINI.appId, OA.appId]) {
    expect(await tokenCalls(appId)).toMatchObject({
      'cgi-bin/token': 0,
      'cgi-bin/stable_token': 0,
      'cgi-bin/component/api_authorizer_token': 0,
    });
  }

  // Across the token's expiry (2 h on both clocks): one refresh, and the answer still goes out.
  await pass(2 * HOUR + MINUTE);
  await answered(MINI.appId, miniAgent.agentId, 'oOpenMini2', '还在吗？', '在的');
  expect((await tokenCalls(MINI.appId))['cgi-bin/component/api_authorizer_token']).toBe(1);

  // 48 emulated hours: token calls per authorizer per day.
  await robotAnswers(MINI.appId);
  await robotAnswers(OA.appId);
  const run = await longRun([MINI.appId, OA.appId]);
  for (const [appId, counts] of Object.entries(run)) {
    console.log(
      `token calls of ${appId} in 48 emulated hours: ${JSON.stringify(counts)}; per day ${counts['cgi-bin/component/api_authorizer_token']! / 2} api_authorizer_token`,
    );
    expect(counts).toMatchObject({ 'cgi-bin/token': 0, 'cgi-bin/stable_token': 0 });
    // One refresh per expiry: a 2-hour token refreshed 5 minutes early, at most 26 in 48 hours.
    expect(counts['cgi-bin/component/api_authorizer_token']).toBeGreaterThanOrEqual(20);
    expect(counts['cgi-bin/component/api_authorizer_token']).toBeLessThanOrEqual(26);
  }

  // An update: authorized again without 开发管理 (18) → the kit's login is shown broken.
  await logIn(page, stack, ADMIN, '/app/admin/channels'); // 48 hours later the console session has ended
  stack = withFreshLogin(stack); // and so has the API session of the test's client
  await authorizeInBrowser(page, stack, new Steps(), { target: 'miniprogram', appId: MINI.appId, untick: [18] });
  await page.locator('[data-testid="missing-permissions"] [data-permission="18"]').waitFor();
  await screenshot(page, 'open-platform-missing-permission');

  // Revoked in WeChat while a customer waits: the channel shows it, its history stays, nothing more is sent.
  expect((await stack.api('PUT', `/channels/${OA.appId}/settings`, { receptionMode: 'agents_only' })).status).toBe(200);
  await setStatus(stack, oaAgent.agentId, 'online');
  await customerWrites(stack, 'oOpenOa2', '我的订单呢？', OA.appId);
  const waiting = await conversationOf(stack, 'oOpenOa2', 'assigned', OA.appId);
  const before = (await stack.delivered()).length;
  await stack.emulator.admin(`/open-platform/authorizations/${OA.appId}/revoke`);
  await channelPageShows(page, OA.appId, 'channel-authorization', 'data-state', 'revoked');
  await screenshot(page, 'open-platform-revoked');
  // The agent's reply is taken into the outbox, and the sender gives it up at once (no retries, no call to WeChat).
  const late = await stack.api<{ messageId: string }>('POST', `/conversations/${waiting.id}/reply`, {
    agentId: oaAgent.agentId,
    text: '马上为您查询',
  });
  const outbox = stack.server.db.prepare('SELECT status, attempts FROM outbox WHERE message_id = ?');
  expect(
    await eventually(async () =>
      (outbox.get(late.body.messageId) as { status: string } | undefined)?.status === 'failed'
        ? outbox.get(late.body.messageId)
        : undefined,
    ),
  ).toEqual({ status: 'failed', attempts: 1 });
  expect((await stack.delivered()).length).toBe(before);
  // A push for the revoked account (late, or forged with the platform's own key) is refused, and not stored.
  const forged = await sendPush(
    {
      url: `${stack.baseUrl}/wechat/component/${OA.appId}/messages`,
      token: values.token,
      appId: COMPONENT.componentAppId,
      originalId: OA.originalId,
      encodingAesKey: values.encodingAesKey,
      mode: 'secure',
      format: 'xml',
    },
    exampleMessage('text', {
      openId: 'oOpenOa3',
      originalId: OA.originalId,
      createTime: Math.floor(Date.now() / 1000),
      msgId: '990001',
      text: '还在吗',
    }),
  );
  expect(forged.status).toBe(404);
  expect((await stack.api('GET', `/channels/${OA.appId}/customers?openid=oOpenOa3`)).status).toBe(404);
  expect((await stack.api<{ items: unknown[] }>('GET', `/channels/${OA.appId}/conversations?limit=50`)).body.items.length).toBeGreaterThan(
    0,
  );

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
