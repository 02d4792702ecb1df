import type { z } from 'zod';
import type { Message, MessageContent } from '../../../core/model/message';
import { message as messageSchema } from '../../../contract/conversation';
import { contentView, mediaUrlOf, messageView, type MessageView } from './message-view';

// The web app's Message type is inferred from the schema: every view the API sends must fit it (checked
// by the compiler), and parse as it (checked below).
const fits: (v: MessageView) => z.output<typeof messageSchema> = (v) => v;

const EVERY_CONTENT: MessageContent[] = [
  { type: 'text', text: 'hi' },
  { type: 'image', mediaId: 'kbref:media:k' },
  { type: 'image', mediaId: 'wx', picUrl: 'http://mmbiz.qpic.cn/x' },
  { type: 'miniprogrampage', title: 't', pagePath: 'p', thumbMediaId: 'kbref:media:k' },
  { type: 'link', title: 't', description: 'd', url: 'https://x' },
  { type: 'voice', mediaId: 'm', recognition: 'r' },
  { type: 'video', mediaId: 'kbref:media:v', thumbMediaId: 'kbref:media:t', title: 't' },
  { type: 'location', latitude: '1', longitude: '2', label: 'l' },
  { type: 'file', title: 'f', fileKey: 'k' },
  { type: 'other', msgType: 'event' },
];

describe('message views', () => {
  it('adds where the browser loads media next to our references', () => {
    expect(contentView({ type: 'image', mediaId: 'kbref:media:kbm_1' })).toEqual({
      type: 'image',
      mediaId: 'kbref:media:kbm_1',
      url: '/api/v1/media/kbm_1',
    });
    expect(contentView({ type: 'image', mediaId: 'kbref:https://cdn.example.com/a.png' })).toMatchObject({
      url: 'https://cdn.example.com/a.png',
    });
    expect(contentView({ type: 'miniprogrampage', title: 't', pagePath: 'p', thumbMediaId: 'kbref:media:kbm_2' })).toMatchObject({
      thumbUrl: '/api/v1/media/kbm_2',
    });
    expect(contentView({ type: 'video', mediaId: 'kbref:media:v', thumbMediaId: 'kbref:media:t' })).toMatchObject({
      url: '/api/v1/media/v',
      thumbUrl: '/api/v1/media/t',
    });
  });

  it('leaves WeChat’s own media and texts alone', () => {
    const inbound = { type: 'image' as const, mediaId: 'wx_media_1', picUrl: 'http://mmbiz.qpic.cn/x' };
    expect(contentView(inbound)).toEqual(inbound);
    expect(
      contentView({ type: 'miniprogrampage', title: 't', pagePath: 'p', thumbUrl: 'http://x/t.jpg', thumbMediaId: 'kbref:media:k' }),
    ).toMatchObject({ thumbUrl: 'http://x/t.jpg' });
    expect(contentView({ type: 'text', text: 'kbref:media:x' })).toEqual({ type: 'text', text: 'kbref:media:x' });
    expect(mediaUrlOf('javascript:alert(1)')).toBeUndefined();
  });

  it('every message view fits the API’s documented schema', () => {
    for (const content of EVERY_CONTENT) {
      const view = fits(
        messageView({
          id: 'm1',
          channelId: 'c',
          conversationId: 'v',
          customerId: 'u',
          direction: 'out',
          sender: { kind: 'robot' },
          content,
          createdAt: 5,
          delivery: { status: 'sent', at: 6 },
        }),
      );
      expect(messageSchema.parse(view)).toEqual(view);
    }
  });

  it('shows WeChat’s CreateTime as sent and as an ISO time, also for records stored with numbers', () => {
    const base = {
      id: 'm1',
      channelId: 'c',
      conversationId: 'v',
      customerId: 'u',
      direction: 'in' as const,
      sender: { kind: 'customer' as const },
      createdAt: 5,
    };
    const now = messageView({
      ...base,
      content: { type: 'location', latitude: '23.130000', longitude: '113.0', label: 'l' },
      wechatCreateTime: '1700000000',
    });
    expect(now).toMatchObject({
      wechatCreateTime: '1700000000',
      wechatCreatedAt: '2023-11-14T22:13:20.000Z',
      content: { latitude: '23.130000' },
    });
    // Stored before numbers were kept as text (or parsed from an inbox row written then).
    const legacy = {
      ...base,
      content: { type: 'location', latitude: 23.13, longitude: 113, label: 'l' },
      wechatCreateTime: 1700000000,
    } as unknown as Message;
    const view = messageView(legacy);
    expect(view).toMatchObject({
      wechatCreateTime: '1700000000',
      wechatCreatedAt: '2023-11-14T22:13:20.000Z',
      content: { latitude: '23.13', longitude: '113' },
    });
    expect(messageSchema.parse(view)).toEqual(view);
  });

  it('keeps the rest of the message', () => {
    const m: Message = {
      id: 'm1',
      channelId: 'c',
      conversationId: 'v',
      customerId: 'u',
      direction: 'out',
      sender: { kind: 'agent', agentId: 'a' },
      content: { type: 'image', mediaId: 'kbref:media:k' },
      createdAt: 5,
      delivery: { status: 'pending' },
    };
    expect(messageView(m)).toEqual({ ...m, content: { type: 'image', mediaId: 'kbref:media:k', url: '/api/v1/media/k' } });
  });
});
