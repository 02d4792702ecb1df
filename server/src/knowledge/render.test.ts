// An entry's messages in order: a link, card or image entry's lead text goes first, as a text reply.
import { entryFields, entryProblems, type KnowledgeEntry } from './entry';
import { mediaRef, renderEntryReplies } from './render';

const entry = (fields: Record<string, unknown>): KnowledgeEntry => ({
  ...entryFields.parse({ number: 1, ...fields }),
  channelId: 'ch',
  updatedAt: 0,
});
const who = { id: 'c1', nickname: '张三' };

test('a card with a lead text sends the text first, then the card', () => {
  const e = entry({
    type: 'miniprogram',
    title: '商城',
    pagePath: 'pages/index',
    media: 'media:m1',
    leadText: '[name]，点击下方卡片进入商城',
  });
  expect(renderEntryReplies(e, who)).toEqual([
    { type: 'text', text: '张三，点击下方卡片进入商城' },
    { type: 'miniprogrampage', title: '商城', pagePath: 'pages/index', thumbMediaId: mediaRef('media:m1') },
  ]);
});

test('an image caption and a link lead text go before them', () => {
  const image = renderEntryReplies(entry({ type: 'image', media: 'media:m2', leadText: '价目表{br}如下' }), who);
  expect(image.map((m) => m.type)).toEqual(['text', 'image']);
  expect(image[0]).toEqual({ type: 'text', text: '价目表\n如下' });
  const link = renderEntryReplies(entry({ type: 'link', title: 'T', url: 'https://x.test/', leadText: '请看' }), who);
  expect(link.map((m) => m.type)).toEqual(['text', 'link']);
});

test('without a lead text (or a blank one) the entry is one message', () => {
  expect(renderEntryReplies(entry({ type: 'image', media: 'media:m2' }), who)).toEqual([{ type: 'image', mediaId: mediaRef('media:m2') }]);
  expect(renderEntryReplies(entry({ type: 'image', media: 'media:m2', leadText: '  ' }), who)).toHaveLength(1);
});

test('only link, card and image entries take a lead text', () => {
  expect(entryProblems(entryFields.parse({ number: 1, type: 'text', text: 'hi', leadText: 'x' }))).toEqual([
    'a text entry has no leadText (link, miniprogram and image entries have)',
  ]);
  expect(entryProblems(entryFields.parse({ number: 1, type: 'image', media: 'media:a', leadText: 'x' }))).toEqual([]);
  expect(entryFields.safeParse({ number: 1, type: 'image', media: 'media:a', leadText: 'x'.repeat(301) }).success).toBe(false);
});
