import type { Message } from '../../../core/model/message';
import { contentView, mediaUrlOf, messageView } from './message-view';

describe('message views', () => {
  it('adds where the browser loads media next to our references', () => {
    expect(contentView({ type: 'image', mediaId: 'kbref:media:kbm_1' })).toEqual({ type: 'image', mediaId: 'kbref:media:kbm_1', url: '/api/v1/media/kbm_1' });
    expect(contentView({ type: 'image', mediaId: 'kbref:https://cdn.example.com/a.png' })).toMatchObject({ url: 'https://cdn.example.com/a.png' });
    expect(contentView({ type: 'miniprogrampage', title: 't', pagePath: 'p', thumbMediaId: 'kbref:media:kbm_2' })).toMatchObject({ thumbUrl: '/api/v1/media/kbm_2' });
    expect(contentView({ type: 'video', mediaId: 'kbref:media:v', thumbMediaId: 'kbref:media:t' })).toMatchObject({ url: '/api/v1/media/v', thumbUrl: '/api/v1/media/t' });
  });

  it('leaves WeChat’s own media and texts alone', () => {
    const inbound = { type: 'image' as const, mediaId: 'wx_media_1', picUrl: 'http://mmbiz.qpic.cn/x' };
    expect(contentView(inbound)).toEqual(inbound);
    expect(contentView({ type: 'miniprogrampage', title: 't', pagePath: 'p', thumbUrl: 'http://x/t.jpg', thumbMediaId: 'kbref:media:k' })).toMatchObject({ thumbUrl: 'http://x/t.jpg' });
    expect(contentView({ type: 'text', text: 'kbref:media:x' })).toEqual({ type: 'text', text: 'kbref:media:x' });
    expect(mediaUrlOf('javascript:alert(1)')).toBeUndefined();
  });

  it('keeps the rest of the message', () => {
    const m: Message = { id: 'm1', channelId: 'c', conversationId: 'v', customerId: 'u', direction: 'out', sender: { kind: 'agent', agentId: 'a' }, content: { type: 'image', mediaId: 'kbref:media:k' }, createdAt: 5, delivery: { status: 'pending' } };
    expect(messageView(m)).toEqual({ ...m, content: { type: 'image', mediaId: 'kbref:media:k', url: '/api/v1/media/k' } });
  });
});
