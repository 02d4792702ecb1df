// In a browser, the console speaks its user's language: a refused field is a Chinese sentence naming the
// field (never "body.timeZone: …" in English); an ended conversation says why in Chinese (never
// "admin_ended"); times are in the channel's time zone, not the browser's; the channel picker keeps the
// last choice across reloads and screens.
import { openPage, screenshot } from './testing/browser';
import { addChannel, ADMIN, conversationOf, customerWrites, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

/** Latin words that are not the sentence's own examples (IANA, Asia/Shanghai, UTC): English leaking through. */
const englishIn = (text: string) => text.replace(/IANA|Asia\/Shanghai|UTC/g, '').match(/[A-Za-z]{3,}/g) ?? [];

describe('the console in Chinese', () => {
  it('says a bad time zone as a Chinese sentence naming the field', async () => {
    const { page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, ADMIN, '/app/admin/calendars');
    await page.getByTestId('calendar-create').click();
    await page.locator('input[name="name"]').fill('总部');
    await page.locator('input[name="timeZone"]').fill('Mars/Olympus_Mons');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/calendars') && r.request().method() === 'POST'),
      page.getByTestId('calendar-save').click(),
    ]);
    expect(answer.status()).toBe(400);
    const alert = page.locator('[role="alert"]').filter({ hasText: '时区' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toBe('时区无效：请填写 IANA 时区（如 Asia/Shanghai）或固定偏移（如 +08:00、UTC）。');
    expect(text).not.toContain('timeZone');
    expect(text).not.toContain('Mars');
    expect(englishIn(text)).toEqual([]);
    await screenshot(page, 'console-language-error');
    expect(errors).toEqual([]);
  });

  it('shows why a conversation ended in Chinese, with times in the channel’s time zone', async () => {
    const { stack } = suite;
    // The channel works in Shanghai time; the browser is in New York.
    const calendar = await stack.api<{ id: string }>('POST', `/channels/shop/calendars`, {
      name: '上海',
      timeZone: 'Asia/Shanghai',
      workdays: [0, 1, 2, 3, 4, 5, 6],
      workdaySegments: [{ start: 0, end: 1440 }],
    });
    expect(calendar.status).toBe(201);
    expect((await stack.api('PUT', '/channels/shop/settings', { calendarId: calendar.body.id })).status).toBe(200);
    await customerWrites(stack, 'oLanguageCustomer', '你好，我想问一下发货时间');
    const c = await conversationOf(stack, 'oLanguageCustomer');
    expect((await stack.api('POST', `/conversations/${c.id}/end`, {})).status).toBe(204);
    const messages = await stack.api<{ items: { createdAt: number }[] }>('GET', `/conversations/${c.id}/messages`);
    const first = messages.body.items[0]?.createdAt as number;

    const { page, errors } = await openPage(suite.browser, { timezoneId: 'America/New_York' });
    await logIn(page, stack, ADMIN, `/app/inbox/${c.id}`);
    const profile = page.getByTestId('profile-panel');
    await profile.getByText('管理员结束').waitFor();
    await page.getByText('你好，我想问一下发货时间').first().waitFor();
    const body = await page.locator('body').innerText();
    expect(body).not.toContain('admin_ended');

    const shanghai = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const newYork = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // The zone arrives after the page: wait for the time to show in Shanghai's.
    await page
      .locator('[data-message-id] time', { hasText: shanghai.format(first) })
      .first()
      .waitFor();
    const shown = await page.locator('[data-message-id] time').first().innerText();
    expect(shown).not.toContain(newYork.format(first));
    await screenshot(page, 'console-language-ended');
    expect(errors).toEqual([]);
  });

  it('remembers the chosen channel after a reload and on another screen', async () => {
    const { stack } = suite;
    await addChannel(stack, { id: 'second', appId: 'wxe2e0000000000007', originalId: 'gh_e2e000000007' });
    const { page, errors } = await openPage(suite.browser);
    await logIn(page, stack, ADMIN, '/app/admin/calendars');
    const picker = page.locator('select[name="channelId"]');
    await picker.selectOption('second');
    await page.reload();
    await page.locator('select[name="channelId"]').waitFor();
    expect(await page.locator('select[name="channelId"]').inputValue()).toBe('second');

    await page.goto(`${stack.baseUrl}/app/inbox`);
    const inboxPicker = page.getByTestId('channel-select');
    await inboxPicker.waitFor();
    expect(await inboxPicker.inputValue()).toBe('second');
    await inboxPicker.selectOption('shop');
    await page.goto(`${stack.baseUrl}/app/admin/calendars`);
    await page.locator('select[name="channelId"]').waitFor();
    expect(await page.locator('select[name="channelId"]').inputValue()).toBe('shop');
    await screenshot(page, 'console-language-channel');
    expect(errors).toEqual([]);
  });
});
