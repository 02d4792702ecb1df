// In a browser, the 「操作日志」 (audit log) screen: an admin renames a skill group on the groups screen and
// finds the change in the audit log, with the name before and after; filtering by who made a change keeps
// that person's entries only.
import type { Browser } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './testing/browser';
import { ADMIN, CHANNEL, logIn, startWebStack, type Stack } from './testing/web-stack';

const MEI = { username: 'mei', password: 'mei-password-12' };

let browser: Browser;
let stack: Stack;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());
beforeEach(async () => {
  stack = await startWebStack();
});
afterEach(() => stack.close());

it('shows a group renamed in the console with its name before and after, and filters by who changed it', async () => {
  expect((await stack.api('POST', '/accounts', { ...MEI, grant: { role: 'platform_admin' } })).status).toBe(201);
  const group = await stack.api<{ id: string }>('POST', `/channels/${CHANNEL.id}/groups`, { name: '售前咨询' });
  expect(group.status).toBe(201);

  const { page, errors } = await openPage(browser);
  await logIn(page, stack, MEI, '/app/admin/groups');
  await page.locator(`tr[data-id="${group.body.id}"]`).getByRole('button', { name: '管理' }).click();
  await page.locator('section.card input[name="name"]').fill('售后服务');
  await page.getByRole('button', { name: '保存名称和工作时间' }).click();
  await page.locator('section.card [role="status"]').waitFor();

  await page.locator('[data-nav="audit"]').click();
  await page.locator('[data-testid="audit-screen"]').waitFor();
  const change = page.locator('tr[data-action="group.change"]');
  await change.getByText('mei').waitFor();
  await change.getByText('修改').waitFor();
  await change.locator('[data-testid="audit-details"]').click();
  const name = page.locator('[data-testid="audit-diff"] tr[data-field="name"]');
  expect(await name.locator('.audit-before').textContent()).toBe('售前咨询');
  expect(await name.locator('.audit-after').textContent()).toBe('售后服务');
  await screenshot(page, 'audit-log');

  // Only mei's changes, then only the admin's: the group's creation by the admin, not mei's rename.
  await page.locator('select[name="actor"]').selectOption({ label: 'mei' });
  await page.locator('[data-testid="audit-apply"]').click();
  await page.locator('tr[data-action="group.create"]').waitFor({ state: 'detached' });
  expect(await page.locator('tr[data-action="group.change"]').count()).toBe(1);
  await screenshot(page, 'audit-filtered');
  await page.locator('select[name="actor"]').selectOption({ label: ADMIN.username });
  await page.locator('[data-testid="audit-apply"]').click();
  await page.locator('tr[data-action="group.create"]').waitFor();
  expect(await page.locator('tr[data-action="group.change"]').count()).toBe(0);
  expect(errors).toEqual([]);
}, 90_000);
