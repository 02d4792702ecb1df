// In a browser, the knowledge base's similar questions and synonyms: an unanswered question added as a
// similar question of an entry, another typed into the entry's list, and the knowledge base's own
// synonym groups saved from their tab; each checked through the API.
import { openPage } from './testing/browser';
import { ADMIN, CHANNEL, customerWrites, eventually, logIn } from './testing/web-stack';
import { browserSuite } from './testing/suite';

const suite = browserSuite();
const KB = `/channels/${CHANNEL.id}/knowledge`;

it('adds similar questions from the misses and the entry form, and keeps synonyms', async () => {
  const stack = suite.stack;
  expect((await stack.api('POST', KB, { number: 1, keywords: ['保修'], type: 'text', text: '一年保修' })).status).toBe(201);
  expect((await stack.api('PUT', `/channels/${CHANNEL.id}/settings`, { receptionMode: 'robot_first' })).status).toBe(200);
  await customerWrites(stack, 'oKnowledge1', '机器坏掉了找谁');
  await eventually(async () => {
    const misses = await stack.api<{ items: { question: string }[] }>('GET', `${KB}/misses`);
    return misses.body.items.some((m) => m.question === '机器坏掉了找谁') || undefined;
  });

  const { context, page, errors } = await openPage(suite.browser);
  await logIn(page, stack, ADMIN, '/app/admin/knowledge');
  await page.getByRole('tab', { name: '未解决的问题' }).click();
  await page.getByText('机器坏掉了找谁').waitFor();
  await page.locator('input[name="similarTo"]').fill('1');
  await page.getByRole('button', { name: '添加为该条目的相似问法' }).click();
  await page.getByText('已添加到条目 1').waitFor();

  await page.getByRole('tab', { name: '条目' }).click();
  await page.getByText('相似问法 1').waitFor();
  await page.getByRole('button', { name: '编辑' }).click();
  expect(await page.locator('input[name="similar-0"]').inputValue()).toBe('机器坏掉了找谁');
  await page.locator('input[name="similarNew"]').fill('能保修吗');
  await page.locator('input[name="similarNew"]').press('Enter');
  await page.getByTestId('kb-save').click();
  await page.getByText('相似问法 2').waitFor();
  const entry = await stack.api<{ similarQuestions: string[] }>('GET', `${KB}/1`);
  expect(entry.body.similarQuestions).toEqual(['机器坏掉了找谁', '能保修吗']);

  await page.getByRole('tab', { name: '同义词' }).click();
  await page.locator('textarea[name="synonyms"]').fill('维修，修理、保修\n顺丰, SF');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存').waitFor();
  expect((await stack.api('GET', `${KB}/synonyms`)).body).toEqual({
    groups: [
      ['维修', '修理', '保修'],
      ['顺丰', 'SF'],
    ],
  });
  expect(errors).toEqual([]);
  await context.close();
});
