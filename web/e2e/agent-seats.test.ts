// In a browser, an agent whose login works in two channels: the channel picked in the inbox (remembered)
// is the one the quick replies page works in, so a personal quick reply is kept, edited and listed as the
// agent of that channel, not the login's first agent; the status switch changes that channel's agent.
import { openPage, screenshot } from './testing/browser';
import { browserSuite } from './testing/suite';
import { addChannel, CHANNEL, eventually, logIn, type Stack } from './testing/web-stack';

const suite = browserSuite();
const OTHER = { id: 'shop2', appId: 'wxe2e0000000000002', originalId: 'gh_e2e000000002' };

/** Agents `first` (the stack's channel) and `second` (OTHER) behind one login. */
async function twoChannelLogin(stack: Stack) {
  await addChannel(stack, OTHER);
  const agent = async (channelId: string, name: string) =>
    (await stack.api<{ id: string }>('POST', `/channels/${channelId}/agents`, { name, status: 'online', maxConcurrent: 3 })).body.id;
  const first = await agent(CHANNEL.id, '小王');
  const second = await agent(OTHER.id, '小王（二店）');
  const login = { username: 'wang', password: 'wang-password-1' };
  const made = await stack.api('POST', '/accounts', { ...login, grant: { role: 'agent', agentId: first, agentIds: [first, second] } });
  expect(made.status).toBe(201);
  return { first, second, login };
}

const statusOf = async (stack: Stack, agentId: string) => (await stack.api<{ status: string }>('GET', `/agents/${agentId}`)).body.status;

describe('an agent of two channels in the browser', () => {
  it('keeps personal quick replies and sets its status as the agent of the channel it picked', async () => {
    const { first, second, login } = await twoChannelLogin(suite.stack);
    const { page, context, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, login, '/app/inbox');
    await page.getByTestId('channel-select').selectOption(OTHER.id);

    await page.goto(`${suite.stack.baseUrl}/app/quick-replies`);
    await page.getByTestId('quick-add').click();
    await page.getByTestId('quick-title').fill('二店问候');
    await page.getByTestId('quick-text').fill('您好，这里是二号店');
    await page.getByTestId('quick-save').click();
    const row = page.getByTestId('quick-list').locator('tr', { hasText: '二店问候' });
    await row.waitFor();
    await expect(page.locator('select[name="channel"]').inputValue()).resolves.toBe(OTHER.id);
    await screenshot(page, 'agent-seats-quick-replies');
    // Editing names no channel in its path: the page's channel header makes it the second agent's.
    await row.locator('button.link').first().click();
    await page.getByTestId('quick-text').fill('您好，这里是二号店，有什么可以帮您？');
    await page.getByTestId('quick-save').click();
    await page.getByTestId('quick-list').locator('tr', { hasText: '有什么可以帮您' }).waitFor();

    const mine = async (channelId: string) => {
      const res = await context.request.get(`${suite.stack.baseUrl}/api/v1/channels/${channelId}/quick-replies?scope=personal`);
      return ((await res.json()) as { items: Array<{ title: string; agentId?: string; text: string }> }).items;
    };
    expect(await mine(OTHER.id)).toEqual([
      expect.objectContaining({ title: '二店问候', agentId: second, text: '您好，这里是二号店，有什么可以帮您？' }),
    ]);
    expect(await mine(CHANNEL.id)).toEqual([]);

    // Back in the inbox, the remembered channel is the second one: the status switch is its agent's.
    await page.goto(`${suite.stack.baseUrl}/app/inbox`);
    await expect(page.getByTestId('channel-select').inputValue()).resolves.toBe(OTHER.id);
    await page.getByTestId('status-select').selectOption('busy');
    await eventually(async () => ((await statusOf(suite.stack, second)) === 'busy' ? true : undefined));
    expect(await statusOf(suite.stack, first)).toBe('online');
    expect(errors).toEqual([]);
    await context.close();
  });
});
