// In a browser: logging in (a wrong password is refused with a message, the right one lands in the app)
// and out (after which the same browser gets nothing: the API answers 401, the events stream is refused,
// and /app/ shows the login again); what the page kept for one login (a reply draft) is gone for the next.
import { openPage, screenshot } from './testing/browser';
import { ADMIN, conversationOf, createAgent, customerWrites, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

describe('logging in and out', () => {
  it('refuses a wrong password with a message and lets the right one in', async () => {
    const { context, page, errors } = await openPage(suite.browser);
    await page.goto(`${suite.stack.baseUrl}/app/`);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, 'login');

    await page.locator('input[name="username"]').fill(ADMIN.username);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page
      .getByRole('alert')
      .filter({ hasText: /用户名或密码不正确|Wrong username or password/ })
      .waitFor();
    expect(await page.locator('header.topbar').count()).toBe(0);

    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('header.topbar').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/(admin|inbox)/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('after logout the browser gets nothing: API 401, no events, the login page', async () => {
    const agent = await createAgent(suite.stack, { name: '小王', username: 'wang' });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, agent);
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/inbox/);
    const session = (await context.cookies()).find((c) => c.name === 'kefu_session');
    expect(session?.value).toBeTruthy();
    expect((await context.request.get(`${suite.stack.baseUrl}/api/v1/me`)).status()).toBe(200);

    await page
      .locator('header.topbar')
      .getByRole('button', { name: /退出|Log out/ })
      .click();
    await page.locator('input[name="username"]').waitFor();

    // The browser's own cookies are gone…
    expect((await context.request.get(`${suite.stack.baseUrl}/api/v1/me`)).status()).toBe(401);
    expect((await context.request.get(`${suite.stack.baseUrl}/api/v1/events`)).status()).toBe(401);
    // …and the session they held is over on the server, should anyone have kept a copy.
    const withOld = { headers: { cookie: `kefu_session=${session?.value}` } };
    expect((await fetch(`${suite.stack.baseUrl}/api/v1/me`, withOld)).status).toBe(401);
    const events = await fetch(`${suite.stack.baseUrl}/api/v1/events`, withOld);
    expect(events.status).toBe(401);
    expect(events.headers.get('content-type')).not.toMatch(/event-stream/);
    await events.body?.cancel();

    await page.goto(`${suite.stack.baseUrl}/app/inbox`);
    await page.locator('input[name="username"]').waitFor();
    expect(await page.locator('header.topbar').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('forgets what one login left in the page: the next login, without a reload, finds no draft of the last', async () => {
    const zhou = await createAgent(suite.stack, { name: '小周', username: 'xiaozhou' });
    const wu = await createAgent(suite.stack, { name: '小吴', username: 'xiaowu' });
    await customerWrites(suite.stack, 'oDraftCustomer01', '在吗');
    const conversation = await conversationOf(suite.stack, 'oDraftCustomer01', 'assigned');
    const transfer = async (from: string | undefined, to: string) => {
      const res = await suite.stack.api('POST', `/conversations/${conversation.id}/transfer`, {
        to: { kind: 'agent', agentId: to },
        agentId: from,
      });
      expect(res.status).toBeLessThan(300);
    };
    if (conversation.agentId !== zhou.agentId) await transfer(conversation.agentId, zhou.agentId);

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, zhou, `/app/inbox/${conversation.id}`);
    await page.getByTestId('reply-input').fill('一份没有发出的草稿');
    await page
      .locator('header.topbar')
      .getByRole('button', { name: /退出|Log out/ })
      .click();
    await page.locator('input[name="username"]').waitFor();
    await transfer(zhou.agentId, wu.agentId);

    await page.evaluate('window.notReloaded = true'); // (the page's code as a string: these tests compile without the DOM's types)
    await page.locator('input[name="username"]').fill(wu.username);
    await page.locator('input[name="password"]').fill(wu.password);
    await page.locator('input[name="password"]').press('Enter');
    await page.getByTestId('reply-input').waitFor();
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.getByTestId('reply-input').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });
});
