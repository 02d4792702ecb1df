import { MINI_PROGRAM, OFFICIAL_ACCOUNT, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { isWeChatErrorKind } from './errors';
import { uploadTempMedia } from './media';
import { amrVoice, JPEG, PNG } from '../../core/media/testing/media-samples';
import { miniProgramMessages as mp } from './miniprogram-messages';
import { officialAccountMessages as oa } from './official-account-messages';
import { sendCustomMessage, type CustomMessage } from './send';
import { wire } from './testing/emulated-api';

describe('mini program bodies are byte-exact (wechat-protocol.md §4.2)', () => {
  it.each<[CustomMessage, string]>([
    [mp.text('OPENID', 'Hello'), '{"touser":"OPENID","msgtype":"text","text":{"content":"Hello"}}'],
    [mp.image('OPENID', 'MEDIA_ID'), '{"touser":"OPENID","msgtype":"image","image":{"media_id":"MEDIA_ID"}}'],
    [
      mp.link('OPENID', { title: 't', description: 'd', url: 'URL', thumbUrl: 'THUMB_URL' }),
      '{"touser":"OPENID","msgtype":"link","link":{"title":"t","description":"d","url":"URL","thumb_url":"THUMB_URL"}}',
    ],
    [
      mp.page('OPENID', { title: 't', pagePath: 'pages/index/index?foo=bar', thumbMediaId: 'MEDIA_ID' }),
      '{"touser":"OPENID","msgtype":"miniprogrampage","miniprogrampage":{"title":"t","pagepath":"pages/index/index?foo=bar","thumb_media_id":"MEDIA_ID"}}',
    ],
  ])('%j', (body, expected) => {
    expect(JSON.stringify(body)).toBe(expected);
  });
});

describe('official account bodies (wechat-protocol.md §4.3)', () => {
  it.each<[CustomMessage, string]>([
    [
      oa.text('O', '你好', { kfAccount: 'test1@kf' }),
      '{"touser":"O","msgtype":"text","text":{"content":"你好"},"customservice":{"kf_account":"test1@kf"}}',
    ],
    [oa.voice('O', 'M'), '{"touser":"O","msgtype":"voice","voice":{"media_id":"M"}}'],
    [
      oa.video('O', { mediaId: 'M', thumbMediaId: 'T', title: 't', description: 'd' }),
      '{"touser":"O","msgtype":"video","video":{"media_id":"M","thumb_media_id":"T","title":"t","description":"d"}}',
    ],
    [
      oa.music('O', { title: 't', description: 'd', musicUrl: 'MU', hqMusicUrl: 'HQ', thumbMediaId: 'T' }),
      '{"touser":"O","msgtype":"music","music":{"title":"t","description":"d","musicurl":"MU","hqmusicurl":"HQ","thumb_media_id":"T"}}',
    ],
    [
      oa.news('O', [{ title: 't', description: 'd', url: 'U', picUrl: 'P' }]),
      '{"touser":"O","msgtype":"news","news":{"articles":[{"title":"t","description":"d","url":"U","picurl":"P"}]}}',
    ],
    [oa.mpnews('O', 'M'), '{"touser":"O","msgtype":"mpnews","mpnews":{"media_id":"M"}}'],
    [oa.mpnewsArticle('O', 'A'), '{"touser":"O","msgtype":"mpnewsarticle","mpnewsarticle":{"article_id":"A"}}'],
    [
      oa.msgmenu('O', { head: 'h', options: [{ id: '101', content: 'yes' }], tail: 't' }),
      '{"touser":"O","msgtype":"msgmenu","msgmenu":{"head_content":"h","list":[{"id":"101","content":"yes"}],"tail_content":"t"}}',
    ],
    [oa.wxcard('O', 'C'), '{"touser":"O","msgtype":"wxcard","wxcard":{"card_id":"C"}}'],
    [
      oa.miniProgramPage('O', { title: 't', appId: 'wxA', pagePath: 'p', thumbMediaId: 'T' }),
      '{"touser":"O","msgtype":"miniprogrampage","miniprogrampage":{"title":"t","appid":"wxA","pagepath":"p","thumb_media_id":"T"}}',
    ],
  ])('%j', (body, expected) => {
    expect(JSON.stringify(body)).toBe(expected);
  });
});

describe('sending through the emulator', () => {
  let emu: TestEmulator;
  beforeEach(async () => {
    emu = await startTestEmulator();
  });
  afterEach(() => emu.close());
  const HOUR = 3_600_000;
  const png = { data: PNG, filename: 'a.png', contentType: 'image/png' };

  it('delivers every mini program type, and the wire body is what the builder made', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'text', { deliver: false });
    const { mediaId } = await uploadTempMedia(api, 'image', png);
    const bodies = [
      mp.text('oMini', 'hi <a href="https://x" data-miniprogram-appid="wxminiprogram0001" data-miniprogram-path="pages/a">a</a>'),
      mp.image('oMini', mediaId),
      mp.link('oMini', { title: 't', description: 'd', url: 'https://x', thumbUrl: 'https://x/t.png' }),
      mp.page('oMini', { title: 't', pagePath: 'pages/index/index', thumbMediaId: mediaId }),
    ];
    for (const b of bodies) await sendCustomMessage(api, b);
    expect(emu.state.recorder.sentMessages(MINI_PROGRAM.appId).map((e) => e.type === 'api' && e.request)).toEqual(bodies);
  });

  it('refuses official-account types on a mini program with 45162', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'text', { deliver: false });
    await expect(sendCustomMessage(api, oa.news('oMini', [{ title: 't', url: 'u' }]))).rejects.toMatchObject({ errcode: 45162 });
  });

  it('allows 5 messages in 48 h after a user message, then reports quota used up, then window closed', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'text', { deliver: false });
    for (let i = 0; i < 5; i++) await sendCustomMessage(api, mp.text('oMini', `m${i}`));
    const quota = await sendCustomMessage(api, mp.text('oMini', 'm5')).catch((e: unknown) => e);
    expect(isWeChatErrorKind(quota, 'quota_used_up')).toBe(true);
    emu.clock.advance(48 * HOUR);
    const closed = await sendCustomMessage(api, mp.text('oMini', 'late')).catch((e: unknown) => e);
    expect(isWeChatErrorKind(closed, 'window_closed')).toBe(true);
    expect(closed).toMatchObject({ errcode: 45015 });
  });

  it('allows 2 messages within 1 minute after entering the session; a new message resets to 5', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'user_enter_tempsession', { sessionFrom: 'sobot|Ann', deliver: false });
    await sendCustomMessage(api, mp.text('oMini', 'welcome'));
    await sendCustomMessage(api, mp.text('oMini', 'how can we help'));
    await expect(sendCustomMessage(api, mp.text('oMini', 'third'))).rejects.toMatchObject({ errcode: 45047 });
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'text', { deliver: false });
    for (let i = 0; i < 5; i++) await sendCustomMessage(api, mp.text('oMini', `r${i}`));
    await expect(sendCustomMessage(api, mp.text('oMini', 'sixth'))).rejects.toMatchObject({ errcode: 45047 });
  });

  it('closes the enter-session window after one minute', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'user_enter_tempsession', { deliver: false });
    emu.clock.advance(61_000);
    await expect(sendCustomMessage(api, mp.text('oMini', 'late'))).rejects.toMatchObject({ kind: 'window_closed' });
  });

  it('rejects an unknown openid (40003), a foreign media_id (40007) and a malformed body (47001)', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oMini', 'text', { deliver: false });
    await expect(sendCustomMessage(api, mp.text('oStranger', 'x'))).rejects.toMatchObject({ errcode: 40003 });
    await expect(sendCustomMessage(api, mp.image('oMini', 'not-a-media-id'))).rejects.toMatchObject({ errcode: 40007 });
    await expect(api.postJson('cgi-bin/message/custom/send', { touser: 'oMini', msgtype: 'text', text: {} })).rejects.toMatchObject({
      errcode: 47001,
    });
    await expect(api.postJson('cgi-bin/message/custom/send', { touser: 'oMini', msgtype: 'hologram' })).rejects.toMatchObject({
      errcode: 40008,
    });
  });

  it('delivers every official-account type, with kf_account', async () => {
    const { api } = wire(emu, OFFICIAL_ACCOUNT);
    await emu.customerSays(OFFICIAL_ACCOUNT, 'oOA', 'text', { deliver: false });
    const image = (await uploadTempMedia(api, 'image', png)).mediaId;
    // WeChat takes only a JPEG as thumb, and a real AMR (or MP3) as voice.
    const thumb = (await uploadTempMedia(api, 'thumb', { data: JPEG, filename: 't.jpg', contentType: 'image/jpeg' })).mediaId;
    const voice = (await uploadTempMedia(api, 'voice', { data: amrVoice(1), filename: 'v.amr', contentType: 'audio/amr' })).mediaId;
    const bodies = [
      oa.text('oOA', 'hi', { kfAccount: 'a@kf' }),
      oa.image('oOA', image),
      oa.voice('oOA', voice),
      oa.video('oOA', { mediaId: image, thumbMediaId: thumb, title: 't' }),
      oa.music('oOA', { musicUrl: 'http://m', hqMusicUrl: 'http://hq', thumbMediaId: thumb }),
      oa.news('oOA', [{ title: 't', url: 'http://n' }]),
      oa.mpnews('oOA', 'permanent'),
      oa.mpnewsArticle('oOA', 'art'),
      oa.msgmenu('oOA', { head: 'Rate us', options: [{ id: '1', content: 'good' }], tail: '' }),
      oa.wxcard('oOA', 'card'),
      oa.miniProgramPage('oOA', { title: 't', appId: MINI_PROGRAM.appId, pagePath: 'p', thumbMediaId: thumb }),
    ];
    // Payment success opens an unlimited 48 h window, enough for every type.
    emu.state.customers.recordAction(
      emu.state.customers.get(OFFICIAL_ACCOUNT.appId, 'oOA'),
      'official_account',
      'payment',
      emu.clock.now(),
    );
    for (const b of bodies) await sendCustomMessage(api, b);
    expect(emu.state.recorder.sentMessages(OFFICIAL_ACCOUNT.appId)).toHaveLength(bodies.length);
  });

  it('applies the official account rules: 3 per minute after a menu click, 45015 after unsubscribe, 45008 for 2 articles', async () => {
    const { api } = wire(emu, OFFICIAL_ACCOUNT);
    await emu.customerSays(OFFICIAL_ACCOUNT, 'oOA', 'click', { deliver: false });
    await expect(
      sendCustomMessage(
        api,
        oa.news('oOA', [
          { title: 'a', url: 'u' },
          { title: 'b', url: 'u' },
        ]),
      ),
    ).rejects.toMatchObject({ errcode: 45008 });
    for (let i = 0; i < 3; i++) await sendCustomMessage(api, oa.text('oOA', `m${i}`));
    await expect(sendCustomMessage(api, oa.text('oOA', 'x'))).rejects.toMatchObject({ errcode: 45047 });
    await emu.customerSays(OFFICIAL_ACCOUNT, 'oOA', 'text', { deliver: false });
    await emu.customerSays(OFFICIAL_ACCOUNT, 'oOA', 'unsubscribe', { deliver: false });
    await expect(sendCustomMessage(api, oa.text('oOA', 'bye'))).rejects.toMatchObject({ errcode: 45015 });
  });
});
