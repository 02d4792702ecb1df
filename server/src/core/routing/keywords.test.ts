import { DEFAULT_TRANSFER_KEYWORDS } from '../model/default-settings';
import { asksForPerson } from './keywords';

const ask = (text: string) => asksForPerson(text, DEFAULT_TRANSFER_KEYWORDS);

describe('asksForPerson', () => {
  it.each(['转人工', '人工客服', '人工', 'human', 'Agent', ' 人工！', '转人工。', 'HUMAN?'])('"%s" asks for a person', (text) => {
    expect(ask(text)).toBe(true);
  });

  // A keyword inside a longer sentence does not hand over (only the whole text, trimmed, does).
  it.each([
    '人工智能是什么',
    '你好',
    '',
    'I am a travel agent and I want to book a trip to Beijing next week',
    'humans',
    '人',
    '转人工就不用了',
    '我要转人工',
    '请帮我转人工客服',
    'talk to a human',
    'I want an agent please',
  ])('"%s" does not', (text) => {
    expect(ask(text)).toBe(false);
  });

  it('uses the configured keywords, normalising full-width letters', () => {
    expect(asksForPerson('ＫＦ', ['kf'])).toBe(true);
    expect(asksForPerson('转人工', ['kf'])).toBe(false);
  });
});
