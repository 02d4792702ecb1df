// In a browser, archive and delete from the admin console: an agent who had conversations is archived
// (the dialog says what it means), leaves the agents list and routing (a new customer goes to a
// colleague), and the old conversation still shows their name; deleting a skill group in use is refused
// with the reason shown in Chinese; an unused calendar is deleted.
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './testing/browser';
import { ADMIN, CHANNEL, conversationOf, createAgent, customerWrites, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();

async function mustApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await suite.stack.api<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const row = (page: Page, id: string) => page.locator(`tr[data-id="${id}"]`);

describe('archive and delete in the admin console', () => {
  it('archives an agent with history, who leaves the list and routing but keeps their name in history', async () => {
    const wang = await createAgent(suite.stack, { name: '王芳', username: 'wangfang' });
    await customerWrites(suite.stack, 'oArchiveCustomer1', '你好，我想问一下发货时间');
    const old = await conversationOf(suite.stack, 'oArchiveCustomer1', 'assigned');
    expect(old.agentId).toBe(wang.agentId);
    await mustApi('POST', `/conversations/${old.id}/end`, {});
    const li = await createAgent(suite.stack, { name: '李雷', username: 'lilei' });

    const { page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, ADMIN, '/app/admin/agents');
    await row(page, wang.agentId).getByTestId('archive').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('王芳').first().waitFor();
    expect(await dialog.innerText()).toContain('登录将失效');
    await screenshot(page, 'archive-agent-dialog');
    await dialog.getByTestId('confirm-archive').click();
    await row(page, wang.agentId).waitFor({ state: 'detached' });
    await row(page, li.agentId).waitFor();

    await page.getByTestId('archived-filter').selectOption('only');
    await row(page, wang.agentId).getByTestId('archived-badge').waitFor();
    expect(await row(page, li.agentId).count()).toBe(0);
    await screenshot(page, 'archive-agents-archived');

    // Routing: a new customer goes to the colleague, never to the archived agent.
    await customerWrites(suite.stack, 'oArchiveCustomer2', '在吗？');
    expect((await conversationOf(suite.stack, 'oArchiveCustomer2', 'assigned')).agentId).toBe(li.agentId);
    // Their login no longer works, and the login page says why in Chinese.
    const other = await openPage(suite.browser);
    await other.page.goto(`${suite.stack.baseUrl}/app/`);
    await other.page.locator('input[name="username"]').fill(wang.username);
    await other.page.locator('input[name="password"]').fill(wang.password);
    await other.page.locator('input[name="password"]').press('Enter');
    await other.page.getByRole('alert').getByText('这个客服账号已归档').waitFor();
    await screenshot(other.page, 'archive-login-refused');
    await other.context.close();

    // History still names them.
    await page.goto(`${suite.stack.baseUrl}/app/inbox/${old.id}`);
    await page.getByText('你好，我想问一下发货时间').first().waitFor();
    // Exactly the name (the header, the profile panel), not only inside the stored "客服 王芳 为您服务".
    await page.getByText('王芳', { exact: true }).first().waitFor();
    expect(await page.getByText(wang.agentId).count()).toBe(0);
    await screenshot(page, 'archive-history');
    expect(errors).toEqual([]);
  });

  it('refuses to delete a group in use, naming why, and deletes an unused calendar', async () => {
    const li = await createAgent(suite.stack, { name: '李雷', username: 'lilei' });
    const group = await mustApi<{ id: string }>('POST', `/channels/${CHANNEL.id}/groups`, { name: '售后组' });
    await mustApi('PUT', `/groups/${group.id}/members/${li.agentId}`);
    const calendar = await mustApi<{ id: string }>('POST', `/channels/${CHANNEL.id}/calendars`, {
      name: '旧排班',
      timeZone: 'Asia/Shanghai',
      workdays: [1, 2, 3, 4, 5],
      workdaySegments: [{ start: 540, end: 1080 }],
    });

    const { page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, ADMIN, '/app/admin/groups');
    await row(page, group.id).getByTestId('delete').click();
    const refused = page.getByTestId('delete-refused');
    await refused.waitFor();
    const reason = await refused.innerText();
    expect(reason).toContain('售后组');
    expect(reason).toContain('1 名组员');
    expect(await page.getByTestId('confirm-delete').count()).toBe(0);
    await screenshot(page, 'archive-group-refused');
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).last().click();
    expect((await suite.stack.api('GET', `/groups/${group.id}`)).status).toBe(200);

    await page.goto(`${suite.stack.baseUrl}/app/admin/calendars`);
    await row(page, calendar.id).getByTestId('delete').click();
    await page.getByRole('dialog').getByText('删除后无法恢复').waitFor();
    await screenshot(page, 'archive-calendar-delete');
    await page.getByTestId('confirm-delete').click();
    await row(page, calendar.id).waitFor({ state: 'detached' });
    expect((await suite.stack.api('GET', `/calendars/${calendar.id}`)).status).toBe(404);
    expect(errors).toEqual([]);
  });
});
