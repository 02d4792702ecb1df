import { toWeChatMessage } from './content-to-message';

describe('toWeChatMessage', () => {
  it.each([
    [
      { type: 'text', text: '您好' },
      { touser: 'o1', msgtype: 'text', text: { content: '您好' } },
    ],
    [
      { type: 'image', mediaId: 'M1' },
      { touser: 'o1', msgtype: 'image', image: { media_id: 'M1' } },
    ],
    [
      { type: 'link', title: 't', description: 'd', url: 'https://x', thumbUrl: 'https://x/t.png' },
      { touser: 'o1', msgtype: 'link', link: { title: 't', description: 'd', url: 'https://x', thumb_url: 'https://x/t.png' } },
    ],
    [
      { type: 'miniprogrampage', title: '订单', pagePath: 'pages/order/index?id=1', thumbMediaId: 'T1' },
      {
        touser: 'o1',
        msgtype: 'miniprogrampage',
        miniprogrampage: { title: '订单', pagepath: 'pages/order/index?id=1', thumb_media_id: 'T1' },
      },
    ],
  ] as const)('mini program: %j', (content, body) => {
    expect(toWeChatMessage('miniprogram', 'o1', content)).toEqual({ ok: true, message: body });
  });

  it.each([
    [{ type: 'voice', mediaId: 'V' }, /cannot send voice/],
    [{ type: 'image', picUrl: 'https://x/p.png' }, /needs a media_id/],
    [{ type: 'miniprogrampage', title: 't', pagePath: 'p' }, /needs a thumbnail media_id/],
    [{ type: 'link', title: 't', description: 'd', url: 'u' }, /needs a thumbnail URL/],
    // WeChat refuses "" as a missing description: never sent.
    [{ type: 'link', title: 't', description: '', url: 'u', thumbUrl: 'https://x/t.jpg' }, /needs a description/],
  ] as const)('mini program refuses %j with a reason', (content, reason) => {
    const r = toWeChatMessage('miniprogram', 'o1', content);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });

  it('official account: a link becomes one news article, a card needs the AppID, voice is allowed', () => {
    expect(toWeChatMessage('official_account', 'o1', { type: 'link', title: 't', description: 'd', url: 'u', thumbUrl: 'p' })).toEqual({
      ok: true,
      message: { touser: 'o1', msgtype: 'news', news: { articles: [{ title: 't', description: 'd', url: 'u', picurl: 'p' }] } },
    });
    expect(toWeChatMessage('official_account', 'o1', { type: 'voice', mediaId: 'V' })).toEqual({
      ok: true,
      message: { touser: 'o1', msgtype: 'voice', voice: { media_id: 'V' } },
    });
    expect(
      toWeChatMessage('official_account', 'o1', { type: 'miniprogrampage', title: 't', pagePath: 'p', thumbMediaId: 'T' }),
    ).toMatchObject({ ok: false });
    expect(toWeChatMessage('official_account', 'o1', { type: 'location', latitude: '1', longitude: '2', label: 'x' })).toMatchObject({
      ok: false,
      reason: 'an official account cannot send location messages',
    });
  });
});
