// Matching quality on the repository's question set (testing/question-set.ts): the numbers are printed
// so a change to the ranking shows what it costs or gains.
import { KnowledgeIndex } from './knowledge-index';
import { measure, QUESTIONS, shopEntries } from './testing/question-set';

it('answers the question set with high precision, in Chinese and English', () => {
  const index = new KnowledgeIndex(shopEntries());
  const q = measure((question) => index.match(question, undefined, 0)?.entry.number);
  console.log(
    `knowledge question set: ${QUESTIONS.length} questions, precision ${(q.precision * 100).toFixed(1)}%, recall ${(q.recall * 100).toFixed(1)}%, unanswerable rejected ${(q.rejected * 100).toFixed(1)}%\n${q.wrong.join('\n')}`,
  );
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(40);
  expect(q.precision).toBeGreaterThanOrEqual(0.95);
  expect(q.recall).toBeGreaterThanOrEqual(0.85);
  expect(q.rejected).toBeGreaterThanOrEqual(0.8);
});
