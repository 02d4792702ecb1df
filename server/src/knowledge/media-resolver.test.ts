// Every entry type rendered, resolved and sent through the emulator (which enforces WeChat's rules), and
// the temporary media lifecycle: uploaded when first needed, reused, uploaded again after 3 days.
import { amrVoice, JPEG, MP4, PNG as PNG_BYTES, WEBP } from '../core/media/testing/media-samples';
import { MINI_PROGRAM, OFFICIAL_ACCOUNT, callCount, startTestEmulator, type TestEmulator } from '../emulator/testing/test-emulator';
import { toWeChatMessage } from '../wechat/outbound/content-to-message';
import { sendCustomMessage } from '../wechat/outbound/send';
import { wire } from '../wechat/outbound/testing/emulated-api';
import type { ChannelKind } from '../core/channel';
import type { EntryFields, KnowledgeEntry } from './entry';
import type { StoredMedia } from './knowledge-store';
import { KnowledgeMediaResolver } from './media-resolver';
import { renderEntry } from './render';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

const PNG: StoredMedia = {
  id: 'pic',
  filename: 'pic.png',
  contentType: 'image/png',
  data: PNG_BYTES,
};
const store = {
  media: async (id: string) =>
    id === 'pic'
      ? PNG
      : id === 'amr'
        ? { ...PNG, id, filename: 'a.amr', contentType: 'audio/amr', data: amrVoice(2) }
        : id === 'mp4'
          ? { ...PNG, id, filename: 'v.mp4', contentType: 'video/mp4', data: MP4 }
          : id === 'jpg' // WeChat takes only a JPEG as a video's thumb
            ? { ...PNG, id, filename: 't.jpg', contentType: 'image/jpeg', data: JPEG }
            : id === 'webp' // stored before media were checked at save
              ? { ...PNG, id, filename: 'p.webp', contentType: 'image/webp', data: WEBP }
              : undefined,
};
const base = { keywords: [], similarQuestions: [], enabled: true, robotIds: [], welcome: false, handoff: false };
const entry = (f: Partial<EntryFields> & Pick<EntryFields, 'type'>): KnowledgeEntry => ({
  ...base,
  number: 1,
  channelId: 'ch',
  updatedAt: 0,
  ...f,
});

async function deliver(kind: ChannelKind, resolver: KnowledgeMediaResolver, e: KnowledgeEntry, openid: string, fresh = false) {
  const app = kind === 'miniprogram' ? MINI_PROGRAM : OFFICIAL_ACCOUNT;
  const { api } = wire(emu, app);
  const content = await resolver.resolve('ch', { kind, api }, renderEntry(e, { id: 'c1', nickname: '张三' }), fresh);
  const body = toWeChatMessage(kind, openid, content);
  if (!body.ok) throw new Error(body.reason);
  await sendCustomMessage(api, body.message);
  return body.message;
}

it('sends every mini program type, with placeholders filled', async () => {
  const resolver = new KnowledgeMediaResolver({ store, now: () => emu.clock.now() });
  await emu.customerSays(MINI_PROGRAM, 'oMp', 'text', { deliver: false });
  expect(await deliver('miniprogram', resolver, entry({ type: 'text', text: '[name]您好{br}您的编号 [id]' }), 'oMp')).toMatchObject({
    msgtype: 'text',
    text: { content: '张三您好\n您的编号 c1' },
  });
  expect(await deliver('miniprogram', resolver, entry({ type: 'image', media: 'media:pic' }), 'oMp')).toMatchObject({ msgtype: 'image' });
  expect(
    await deliver(
      'miniprogram',
      resolver,
      entry({
        type: 'link',
        title: '[name]的订单',
        description: '点击查看',
        url: 'https://example.com/o',
        media: 'https://example.com/p.png',
      }),
      'oMp',
    ),
  ).toMatchObject({ msgtype: 'link', link: { title: '张三的订单' } });
  expect(
    await deliver(
      'miniprogram',
      resolver,
      entry({ type: 'miniprogram', title: '首页', pagePath: 'pages/index/index', media: 'media:pic' }),
      'oMp',
    ),
  ).toMatchObject({ msgtype: 'miniprogrampage' });
  expect(callCount(emu.state, 'cgi-bin/media/upload')).toBe(1); // the picture was uploaded once, reused for the card
});

it('sends voice and video from an official account', async () => {
  const resolver = new KnowledgeMediaResolver({ store, now: () => emu.clock.now() });
  await emu.customerSays(OFFICIAL_ACCOUNT, 'oOa', 'text', { deliver: false });
  expect(await deliver('official_account', resolver, entry({ type: 'voice', media: 'media:amr' }), 'oOa')).toMatchObject({
    msgtype: 'voice',
  });
  expect(
    await deliver('official_account', resolver, entry({ type: 'video', media: 'media:mp4', thumb: 'media:jpg', title: 'Demo' }), 'oOa'),
  ).toMatchObject({ msgtype: 'video' });
});

it('uploads again once the 3-day media_id has expired, and when WeChat says 40007', async () => {
  const resolver = new KnowledgeMediaResolver({ store, now: () => emu.clock.now() });
  await emu.customerSays(MINI_PROGRAM, 'oMp', 'text', { deliver: false });
  const image = entry({ type: 'image', media: 'media:pic' });
  await deliver('miniprogram', resolver, image, 'oMp');
  emu.clock.advance(3 * 86_400_000 + 1000);
  await emu.customerSays(MINI_PROGRAM, 'oMp', 'text', { deliver: false });
  await deliver('miniprogram', resolver, image, 'oMp'); // would be 40007 with the old media_id
  expect(callCount(emu.state, 'cgi-bin/media/upload')).toBe(2);
  await deliver('miniprogram', resolver, image, 'oMp', true); // what the outbox sender does after a 40007
  expect(callCount(emu.state, 'cgi-bin/media/upload')).toBe(3);
});

it('fails with a reason when the media is gone', async () => {
  const resolver = new KnowledgeMediaResolver({ store, now: () => emu.clock.now() });
  await expect(deliver('miniprogram', resolver, entry({ type: 'image', media: 'media:gone' }), 'oMp')).rejects.toThrow(/no longer exists/);
});

it('fails with WeChat’s rule, without uploading, a stored file WeChat would refuse', async () => {
  const resolver = new KnowledgeMediaResolver({ store, now: () => emu.clock.now() });
  await emu.customerSays(OFFICIAL_ACCOUNT, 'oOa', 'text', { deliver: false });
  await expect(deliver('official_account', resolver, entry({ type: 'image', media: 'media:webp' }), 'oOa')).rejects.toThrow(
    'media:webp is a WebP file; WeChat takes as image a JPEG, PNG or GIF picture of at most 2 MB',
  );
  const video = entry({ type: 'video', media: 'media:mp4', thumb: 'media:pic' });
  await expect(deliver('official_account', resolver, video, 'oOa')).rejects.toThrow(/media:pic is a PNG file; WeChat takes as thumb/);
  expect(callCount(emu.state, 'cgi-bin/media/upload')).toBe(1); // the video only; neither refused picture
});
