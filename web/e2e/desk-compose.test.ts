// In a browser, the agent's desk tools: a quick reply kept on the quick replies page, found with / in
// the composer and sent with its placeholder filled (WeChat receives it); WeChat's typing indicator sent
// while the agent types, only as WeChat's rules allow (the emulator enforces them and recorded no
// refusal); and the keyboard shortcuts with their help panel.
import type { Page } from 'playwright-core';
import { encodeSessionFrom } from '../../shared/src/index';
import { openPage, screenshot } from './testing/browser';
import { browserSuite } from './testing/suite';
import { CHANNEL, conversationOf, createAgent, deliveredTo, eventually, logIn, type Stack } from './testing/web-stack';

const suite = browserSuite();

/** The customer opens the chat (with their nickname, as the contact button passes it) and writes. */
async function customerWrites(stack: Stack, openid: string, text: string, nickname = '小明'): Promise<void> {
  const app = { appId: CHANNEL.appId } as never;
  const sessionFrom = encodeSessionFrom({ nickname }).value;
  await stack.emulator.customerSays(app, openid, 'user_enter_tempsession', { sessionFrom });
  await stack.emulator.customerSays(app, openid, 'text', { text });
}

async function typingCalls(stack: Stack): Promise<Array<{ command: string; errcode: number }>> {
  const res = await fetch(`${stack.emulator.baseUrl}/emulator/records?api=cgi-bin/message/custom/typing`);
  return ((await res.json()) as Array<{ request: { command: string }; errcode: number }>).map((r) => ({
    command: r.request.command,
    errcode: r.errcode,
  }));
}

async function openChat(page: Page, stack: Stack, id: string): Promise<void> {
  await page.goto(`${stack.baseUrl}/app/inbox/${id}`);
  await page.getByTestId('reply-input').waitFor();
}

describe('quick replies, typing and shortcuts in the browser', () => {
  it('keeps a quick reply, finds it with /, fills [name] and {br}, and WeChat receives it', async () => {
    const wang = await createAgent(suite.stack, { name: '小王', username: 'xiaowang' });
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, wang);

    await page.goto(`${suite.stack.baseUrl}/app/quick-replies`);
    await page.getByTestId('quick-add').click();
    await page.getByTestId('quick-title').fill('问候');
    await page.getByTestId('quick-text').fill('[name]您好{br}我是小王，请问有什么可以帮您？');
    await page.getByTestId('quick-save').click();
    await page.getByTestId('quick-list').filter({ hasText: '问候' }).waitFor();
    await screenshot(page, 'quick-replies-page');

    await customerWrites(suite.stack, 'oQuickWeb1', '你好');
    const conversation = await conversationOf(suite.stack, 'oQuickWeb1', 'assigned');
    await openChat(page, suite.stack, conversation.id);
    const input = page.getByTestId('reply-input');
    await input.pressSequentially('/问');
    await page.getByTestId('quick-reply-option').filter({ hasText: '问候' }).waitFor();
    await screenshot(page, 'quick-replies-composer');
    await input.press('Enter');
    expect(await input.inputValue()).toBe('小明您好\n我是小王，请问有什么可以帮您？');
    await input.press('Enter');
    await deliveredTo(suite.stack, 'oQuickWeb1', '小明您好\n我是小王，请问有什么可以帮您？');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends WeChat’s typing indicator while the agent types, within its rules, and stops it', async () => {
    const li = await createAgent(suite.stack, { name: '小李', username: 'xiaoli' });
    await customerWrites(suite.stack, 'oTypingWeb1', '在吗');
    const conversation = await conversationOf(suite.stack, 'oTypingWeb1', 'assigned');
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, li);
    await openChat(page, suite.stack, conversation.id);
    const input = page.getByTestId('reply-input');
    // Six seconds of typing: the page asks twice, the server sends Typing once (it shows for 15 s).
    for (let i = 0; i < 6; i++) {
      await input.pressSequentially('在', { delay: 0 });
      await page.waitForTimeout(1000);
    }
    expect(await typingCalls(suite.stack)).toEqual([{ command: 'Typing', errcode: 0 }]);
    // Stopped typing: after 4 s without a key, CancelTyping.
    await eventually(async () => ((await typingCalls(suite.stack)).length === 2 ? true : undefined), 8000);
    expect((await typingCalls(suite.stack))[1]).toEqual({ command: 'CancelTyping', errcode: 0 });

    // 30 s after the customer's message WeChat refuses typing (45080): nothing is sent any more.
    suite.stack.server.db
      .prepare("UPDATE conversations SET data = json_set(data, '$.lastCustomerMessageAt', ?) WHERE id = ?")
      .run(Date.now() - 31_000, conversation.id);
    await input.pressSequentially('好的');
    await page.waitForTimeout(1500);
    expect(await typingCalls(suite.stack)).toHaveLength(2);
    await input.press('Enter');
    await deliveredTo(suite.stack, 'oTypingWeb1', '在在在在在在好的');
    expect((await typingCalls(suite.stack)).every((c) => c.errcode === 0)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves between conversations, opens quick replies and transfer from the keyboard, with a help panel', async () => {
    const zhao = await createAgent(suite.stack, { name: '小赵', username: 'xiaozhao' });
    await customerWrites(suite.stack, 'oKeys1', '第一位', '甲');
    const first = await conversationOf(suite.stack, 'oKeys1', 'assigned');
    await customerWrites(suite.stack, 'oKeys2', '第二位', '乙');
    const second = await conversationOf(suite.stack, 'oKeys2', 'assigned');
    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, zhao);
    await page.getByTestId('tab-mine').click();
    await page.locator(`[data-conversation-id="${first.id}"]`).waitFor();
    await page.locator(`[data-conversation-id="${second.id}"]`).waitFor();

    await page.keyboard.press('Control+/');
    await page.getByTestId('shortcuts-help').waitFor();
    await screenshot(page, 'keyboard-shortcuts-help');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts-help').waitFor({ state: 'detached' });

    // Alt+↓ opens the first of the list, then the next; Alt+↑ goes back.
    const order = await page.locator('[data-conversation-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-conversation-id')));
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForURL(`**/app/inbox/${order[0]}`);
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForURL(`**/app/inbox/${order[1]}`);
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForURL(`**/app/inbox/${order[0]}`);

    await page.getByTestId('reply-input').waitFor();
    await page.keyboard.press('Alt+KeyQ');
    await page.getByTestId('quick-replies').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+KeyT');
    await page.getByTestId('transfer-submit').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
