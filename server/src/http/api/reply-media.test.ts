// Replies beyond text and the media behind them, over real HTTP on the composed server (SQLite file) with
// the WeChat emulator: agents upload a picture, send it, a mini program card or a knowledge entry; the
// emulator receives what the customer would see; the browser loads media back (cookie or bearer) only
// within its merchant.
import { sized, TEXT, WEBP } from '../../core/media/testing/media-samples';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const MEDIA = `/channels/${CHANNEL.id}/media`;
const picture = (over: Record<string, unknown> = {}) => ({
  filename: '截图.png',
  contentType: 'image/png',
  base64: PNG.toString('base64'),
  ...over,
});

let stack: Stack;
let p: People;
beforeEach(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
});
afterEach(() => stack.close());

async function upload(token: string, query = ''): Promise<{ media: string; url: string }> {
  const res = await p.call('POST', `${MEDIA}${query}`, token, picture());
  expect(res.status).toBe(201);
  return res.json;
}

describe('POST /channels/:channelId/media and GET /media/:mediaId', () => {
  it('stores an agent’s picture and serves it back to its merchant only, with caching and nosniff', async () => {
    const up = await upload(p.tokens.m1Agent);
    expect(up.media).toMatch(/^media:[A-Za-z0-9_-]+$/);
    expect(up.url).toBe(`/api/v1/media/${up.media.slice('media:'.length)}`);
    const path = up.url.slice('/api/v1'.length);
    for (const token of [p.tokens.m1Agent, p.tokens.m1Admin, p.tokens.platform]) {
      const res = await fetch(`${stack.baseUrl}${up.url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    }
    for (const token of [p.tokens.m2Agent, p.tokens.m2Admin, p.tokens.platformAgent])
      expect((await p.call('GET', path, token)).status).toBe(403);
    expect((await p.call('GET', path, undefined)).status).toBe(401);
    expect((await p.call('GET', '/media/kbm_nothing', p.tokens.m1Agent)).status).toBe(404);
  });

  it('lets a browser load it with the session cookie, as <img src> does', async () => {
    const account = await p.call('POST', '/accounts', p.tokens.platform, {
      username: 'm1-agent',
      password: 'agent-password-1',
      grant: { role: 'agent', agentId: p.agents.m1 },
    });
    expect(account.status).toBe(201);
    const login = await fetch(`${stack.baseUrl}/workbench/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'm1-agent', password: 'agent-password-1' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const up = await upload(p.tokens.m1Agent);
    const res = await fetch(`${stack.baseUrl}${up.url}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('refuses at save, with its code, a picture WeChat would refuse: WebP, text, a PNG that is too large', async () => {
    const cases: Array<[Record<string, unknown>, number, string, RegExp]> = [
      [
        { contentType: 'image/webp', base64: Buffer.from(WEBP).toString('base64') },
        400,
        'unsupported_media_format',
        /is a WebP file; WeChat takes as image a JPEG, PNG or GIF/,
      ],
      [{ base64: Buffer.from(TEXT).toString('base64') }, 400, 'unsupported_media_format', /not a picture, voice or video WeChat knows/],
      [{ base64: Buffer.from(sized(PNG, 2 * 1024 * 1024 + 1)).toString('base64') }, 413, 'media_too_large', /is 2\.0 MB; WeChat takes/],
    ];
    for (const [over, status, code, message] of cases) {
      const res = await p.call('POST', MEDIA, p.tokens.m1Agent, picture(over));
      expect([res.status, res.json.error.code]).toEqual([status, code]);
      expect(res.json.error.message).toMatch(message);
    }
  });

  it('checks what it stores: type, content, size, merchant', async () => {
    const refused = async (body: unknown, status: number, text: RegExp, token = p.tokens.m1Agent, query = '') => {
      const res = await p.call('POST', `${MEDIA}${query}`, token, body);
      expect({ status: res.status, message: res.json?.error?.message }).toEqual({ status, message: expect.stringMatching(text) });
    };
    await refused(picture({ contentType: 'image/svg+xml' }), 400, /not the image\/svg\+xml picture/);
    await refused(picture({ contentType: 'image/jpeg' }), 400, /not the image\/jpeg picture/);
    await refused(picture({ base64: 'not base64!' }), 400, /body\.base64/);
    await refused(picture({ extra: 1 }), 400, /extra/);
    const tooBig = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    await refused(picture({ base64: tooBig }), 413, /at most 2 MB/);
    const res = await p.call('POST', MEDIA, p.tokens.m1Agent, picture({ base64: Buffer.alloc(3 * 1024 * 1024).toString('base64') }));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('body_too_large');
    await refused(picture(), 403, /own merchant/, p.tokens.m1Agent, `?merchantId=${p.merchants.m2}`);
    expect((await p.call('POST', '/channels/elsewhere/media', p.tokens.m1Agent, picture())).status).toBe(403);
    // Platform admins upload for the merchant they name.
    const forM2 = await upload(p.tokens.platform, `?merchantId=${p.merchants.m2}`);
    expect((await p.call('GET', forM2.url.slice('/api/v1'.length), p.tokens.m2Agent)).status).toBe(200);
  });
});

describe('POST /conversations/:id/reply with a picture, a card or a knowledge entry', () => {
  it('sends a picture and a card; WeChat receives them and the messages show where to load them', async () => {
    const conversation = await customerWrites(stack, 'oPic1', '你好', MERCHANT_CODES.m1);
    const up = await upload(p.tokens.m1Agent);
    const image = await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, { image: { media: up.media } });
    expect(image.status).toBe(202);
    const card = await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, {
      card: { title: '您的订单', pagePath: 'pages/order/index?id=7', thumbMedia: up.media, appId: 'wx0000000000000009' },
    });
    expect(card.status).toBe(202);
    await eventually(async () => ((await stack.delivered('oPic1')).length === 3 ? true : undefined));
    expect((await stack.delivered('oPic1')).slice(1)).toEqual(['[image]', '[miniprogrampage]']);
    const items = (await p.call('GET', `/conversations/${conversation}/messages`, p.tokens.m1Agent)).json.items;
    expect(items.find((m: { id: string }) => m.id === image.json.messageId).content).toMatchObject({
      type: 'image',
      mediaId: `kbref:${up.media}`,
      url: up.url,
    });
    // A mini program's card opens its own pages: the AppID is not kept.
    expect(items.find((m: { id: string }) => m.id === card.json.messageId).content).toEqual({
      type: 'miniprogrampage',
      title: '您的订单',
      pagePath: 'pages/order/index?id=7',
      thumbMediaId: `kbref:${up.media}`,
      thumbUrl: up.url,
    });
  });

  it('sends a knowledge entry of the merchant as the robot renders it', async () => {
    const entry = await p.call('POST', `/channels/${CHANNEL.id}/knowledge`, p.tokens.m1Admin, {
      number: 3,
      keywords: ['退货'],
      type: 'text',
      text: '[name] 您好，退货请走订单页面',
    });
    expect(entry.status).toBe(201);
    await p.call('POST', `/channels/${CHANNEL.id}/knowledge`, p.tokens.m2Admin, {
      number: 4,
      keywords: ['退货'],
      type: 'text',
      text: '二号店的答案',
    });
    const conversation = await customerWrites(stack, 'oKb1', '怎么退货', MERCHANT_CODES.m1, '小红');
    expect((await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, { knowledge: { number: 3 } })).status).toBe(202);
    await eventually(async () => ((await stack.delivered('oKb1')).includes('小红 您好，退货请走订单页面') ? true : undefined));
    const other = await p.call('POST', `/conversations/${conversation}/reply`, p.tokens.m1Agent, { knowledge: { number: 4 } });
    expect(other.status).toBe(404);
    expect(other.json.error.message).toContain('body.knowledge.number');
  });

  it('refuses mixed or empty bodies, another merchant’s picture, and sends beyond the window’s quota', async () => {
    const conversation = await customerWrites(stack, 'oPic2', '在吗', MERCHANT_CODES.m1);
    const reply = (body: unknown, token = p.tokens.m1Agent) => p.call('POST', `/conversations/${conversation}/reply`, token, body);
    const mine = await upload(p.tokens.m1Agent);
    const theirs = await upload(p.tokens.m2Agent);
    const both = await reply({ text: 'hi', image: { media: mine.media } });
    expect([both.status, both.json.error.message]).toEqual([400, expect.stringContaining('exactly one of text, image, card, knowledge')]);
    expect((await reply({})).status).toBe(400);
    expect((await reply({ image: { media: 'https://example.com/a.png' } })).status).toBe(400);
    expect((await reply({ card: { title: 'x'.repeat(65), pagePath: 'pages/a', thumbMedia: mine.media } })).status).toBe(400);
    expect((await reply({ image: { media: theirs.media } })).status).toBe(403);
    expect((await reply({ image: { media: 'media:kbm_missing' } })).status).toBe(404);
    expect((await reply({ image: { media: mine.media } }, p.tokens.m2Agent)).status).toBe(403);
    // Entering routed the conversation and its notices took a send of the entering window. When WeChat
    // accepted that notice only after the customer's message, it counts in the message's window (five
    // sends), as WeChat counts it: the agent then has four, else five. Either way the count is WeChat's.
    let accepted = 0;
    for (let r = await reply({ image: { media: mine.media } }); r.status === 202; r = await reply({ image: { media: mine.media } })) {
      accepted++;
      if (accepted > 5) break;
    }
    expect(accepted).toBeGreaterThanOrEqual(4);
    expect(accepted).toBeLessThanOrEqual(5);
    const refused = await reply({ image: { media: mine.media } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'quota_used_up']);
    const sent = await eventually(async () => {
      const list = (await p.call('GET', `/conversations/${conversation}/messages`, p.tokens.m1Agent)).json.items as Array<{
        direction: string;
        delivery?: { status: string; wechatCode?: number };
      }>;
      const out = list.filter((m) => m.direction === 'out');
      return out.every((m) => m.delivery?.status !== 'pending') ? out : undefined;
    });
    // WeChat refused none of them; or, when it took the entering notice after the customer's message although
    // it answered before the message reached us (then neither side can know the order), only the last reply,
    // which the agent sees failed with WeChat's reason, and the window believes WeChat from then on.
    const refusedByWeChat = sent.flatMap((m, i) => (m.delivery?.wechatCode === 45047 ? [i] : []));
    expect(refusedByWeChat.length === 0 || (refusedByWeChat.length === 1 && refusedByWeChat[0] === sent.length - 1)).toBe(true);
  });
});
