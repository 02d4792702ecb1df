// In a browser, the admin console: a platform admin creates a channel, saves it, then gets the values to paste into
// WeChat's console (push URL, a 32-character Token, a 43-character EncodingAESKey) that the API never
// shows again; tests the AppID/AppSecret against WeChat (the emulator): OK for the right secret, the
// explanation for a wrong one; and the pushes signed with the shown values reach the new channel.
// Also the dashboard and the knowledge base, for their screenshots.
import { openPage, screenshot } from './testing/browser';
import { ADMIN, CHANNEL, conversationOf, createAgent, customerWrites, logIn, logInQuickly } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

/** The mini program as WeChat (the emulator) knows it; the admin types its AppID and AppSecret. */
const APP = { appId: 'wxe2e0000000000009', secret: 'NewShopAppSecret0001', originalId: 'gh_e2e000000009', kind: 'miniprogram' };

interface CheckAnswer {
  ok: boolean;
  errcode?: number;
  explanation?: string;
}

describe('the admin console', () => {
  it('creates a channel: push values to paste, a credentials test, secrets the API never returns', async () => {
    await suite.stack.emulator.admin('/apps', { ...APP, mode: 'plaintext', format: 'json' }); // no push URL yet: that comes from the console
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, ADMIN, '/app/admin/channels');
    await page.getByTestId('channel-create').click();
    await page.getByTestId('channel-way-developer').click(); // beside 扫码授权 (open-platform.test.ts)
    await page.locator('input[name="id"]').fill('newshop');
    await page.locator('input[name="name"]').fill('新商城');
    await page.locator('select[name="kind"]').selectOption('miniprogram');
    await page.locator('input[name="appId"]').fill(APP.appId);
    await page.locator('input[name="originalId"]').fill(APP.originalId);
    await page.locator('select[name="mode"]').selectOption('secure');
    await page.locator('select[name="format"]').selectOption('json');

    // A wrong AppSecret: WeChat's refusal, explained.
    await page.locator('input[name="appSecret"]').fill('WrongAppSecret0001');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('credentials-check')),
      page.getByTestId('channel-test').click(),
    ]);
    const refusal = (await refused.json()) as CheckAnswer;
    expect({ status: refused.status(), ok: refusal.ok }).toEqual({ status: 200, ok: false });
    expect(refusal.explanation).toBeTruthy();
    // The page explains it in the admin's language (by errcode), next to the button.
    const failure = page.getByTestId('channel-test-failure');
    await failure.waitFor();
    expect(await failure.getAttribute('data-errcode')).toBe(String(refusal.errcode));
    expect((await failure.innerText()).length).toBeGreaterThan(20);

    // The right one: OK.
    await page.locator('input[name="appSecret"]').fill(APP.secret);
    const [accepted] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('credentials-check')),
      page.getByTestId('channel-test').click(),
    ]);
    expect({ status: accepted.status(), body: await accepted.json() }).toEqual({ status: 200, body: { ok: true } });
    await page
      .locator('.success, [role="status"]')
      .filter({ hasText: /OK|成功|通过|正确|valid/i })
      .first()
      .waitFor();

    await page.getByTestId('channel-save').click();
    const saved = await (async () => {
      for (let i = 0; i < 100; i++) {
        const res = await suite.stack.api<Record<string, unknown>>('GET', '/channels/newshop');
        if (res.status === 200) return res.body;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the channel was not saved');
    })();
    // Step 2, after saving (WeChat verifies on submit, so this page saves first): the values to paste,
    // generated in the browser.
    const values = page.getByTestId('push-values');
    await values.waitFor();
    const shown = await values.innerText();
    expect(shown).toContain(`${suite.stack.baseUrl}/wechat/newshop`);
    const token = shown.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/)?.[0];
    const encodingAesKey = shown.match(/(?<![A-Za-z0-9])[A-Za-z0-9]{43}(?![A-Za-z0-9])/)?.[0];
    expect(token).toHaveLength(32);
    expect(encodingAesKey).toHaveLength(43);
    await screenshot(page, 'channel-push-values');

    // The API keeps them write-only: neither the channel nor the list ever contains them.
    const list = JSON.stringify((await suite.stack.api('GET', '/channels')).body);
    for (const secret of [token as string, encodingAesKey as string, APP.secret]) {
      expect(JSON.stringify(saved)).not.toContain(secret);
      expect(list).not.toContain(secret);
    }
    expect(saved).toMatchObject({ id: 'newshop', appId: APP.appId, mode: 'secure', format: 'json' });

    // Pasted into WeChat's console (the emulator), they work: a customer's message reaches the channel.
    await suite.stack.emulator.admin('/apps', {
      ...APP,
      pushUrl: `${suite.stack.baseUrl}/wechat/newshop`,
      token,
      encodingAesKey,
      mode: 'secure',
      format: 'json',
    });
    await customerWrites(suite.stack, 'oNewShopCustomer', '新店开业了吗？', APP.appId);
    await conversationOf(suite.stack, 'oNewShopCustomer', undefined, 'newshop');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the dashboard and the knowledge base', async () => {
    await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    await customerWrites(suite.stack, 'oDashboard1', '你好');
    await conversationOf(suite.stack, 'oDashboard1', 'assigned');
    for (const [number, keywords, text] of [
      [1, ['发货', '快递'], '订单付款后 48 小时内发货，节假日顺延。'],
      [2, ['退货', '退款'], '收货 7 天内可无理由退货，请在订单页申请。'],
    ] as const) {
      const res = await suite.stack.api('POST', `/channels/${CHANNEL.id}/knowledge`, { number, keywords, type: 'text', text });
      expect(res.status).toBe(201);
    }
    const { context, page, errors } = await openPage(suite.browser);
    await logInQuickly(context, suite.stack, ADMIN);
    await page.goto(`${suite.stack.baseUrl}/app/admin`);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('admin-nav').waitFor();
    await page.getByTestId('dashboard').locator('.admin-stat').first().waitFor(); // the figures, not a spinner
    await screenshot(page, 'admin-dashboard');

    await page.goto(`${suite.stack.baseUrl}/app/admin/knowledge`);
    await page.getByText('订单付款后 48 小时内发货，节假日顺延。').waitFor();
    await screenshot(page, 'knowledge-base');
    expect(errors).toEqual([]);
    await context.close();
  });
});
