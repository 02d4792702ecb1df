import type { ChannelConfig } from '../../core/channel';
import type { PassiveReply } from '../../core/inbound-message';
import { parseAesKey } from './crypto';
import { ReplyNotAllowedError } from './errors';
import { ENCRYPTED_JSON_REPLY } from './official-vectors';
import { renderReply } from './replies';
import { sealReply } from './reply-envelope';

const oa: ChannelConfig = {
  id: 'oa',
  kind: 'official_account',
  appId: 'wx1',
  originalId: 'fromUser',
  token: 't',
  mode: 'plaintext',
  format: 'xml',
};
const mp: ChannelConfig = { ...oa, id: 'mp', kind: 'miniprogram', originalId: 'gh_original_id' };
const H =
  '<xml><ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>12345678</CreateTime>';

describe('passive replies for official accounts (Passive_user_reply_message layouts)', () => {
  it.each<[string, PassiveReply, string]>([
    ['text', { type: 'text', content: '你好' }, '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content>'],
    ['image', { type: 'image', mediaId: 'm' }, '<MsgType><![CDATA[image]]></MsgType><Image><MediaId><![CDATA[m]]></MediaId></Image>'],
    ['voice', { type: 'voice', mediaId: 'm' }, '<MsgType><![CDATA[voice]]></MsgType><Voice><MediaId><![CDATA[m]]></MediaId></Voice>'],
    [
      'video',
      { type: 'video', mediaId: 'm', title: 't', description: 'd' },
      '<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[m]]></MediaId><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description></Video>',
    ],
    [
      'music',
      { type: 'music', title: 't', description: 'd', musicUrl: 'u', hqMusicUrl: 'h', thumbMediaId: 'm' },
      '<MsgType><![CDATA[music]]></MsgType><Music><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><MusicUrl><![CDATA[u]]></MusicUrl><HQMusicUrl><![CDATA[h]]></HQMusicUrl><ThumbMediaId><![CDATA[m]]></ThumbMediaId></Music>',
    ],
    [
      'news',
      { type: 'news', articles: [{ title: 't', description: 'd', picUrl: 'p', url: 'u' }] },
      '<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[t]]></Title><Description><![CDATA[d]]></Description><PicUrl><![CDATA[p]]></PicUrl><Url><![CDATA[u]]></Url></item></Articles>',
    ],
    [
      'transfer to a given agent',
      { type: 'transfer_customer_service', kfAccount: 'test1@test' },
      '<MsgType><![CDATA[transfer_customer_service]]></MsgType><TransInfo><KfAccount><![CDATA[test1@test]]></KfAccount></TransInfo>',
    ],
  ])('%s', (_n, reply, body) => {
    expect(renderReply(oa, 'toUser', reply, 12345678)).toBe(`${H}${body}</xml>`);
  });
  it('keeps "]]>" inside text intact by splitting the CDATA section', () => {
    expect(renderReply(oa, 'toUser', { type: 'text', content: 'a]]>b' }, 12345678)).toContain(
      '<Content><![CDATA[a]]]]><![CDATA[>b]]></Content>',
    );
  });
});

describe('transfer_customer_service for mini programs (trans.html)', () => {
  it('is the documented XML', () => {
    expect(renderReply(mp, 'OPENID', { type: 'transfer_customer_service' }, 1399197672)).toBe(
      '<xml><ToUserName><![CDATA[OPENID]]></ToUserName><FromUserName><![CDATA[gh_original_id]]></FromUserName><CreateTime>1399197672</CreateTime><MsgType><![CDATA[transfer_customer_service]]></MsgType></xml>',
    );
  });
  it('is JSON with the same keys on a JSON channel', () => {
    expect(renderReply({ ...mp, format: 'json' }, 'OPENID', { type: 'transfer_customer_service' }, 1399197672)).toBe(
      '{"ToUserName":"OPENID","FromUserName":"gh_original_id","CreateTime":1399197672,"MsgType":"transfer_customer_service"}',
    );
  });
  it.each<PassiveReply>([
    { type: 'text', content: 'x' },
    { type: 'image', mediaId: 'm' },
  ])('refuses $type for a mini program', (reply) => {
    expect(() => renderReply(mp, 'OPENID', reply, 1)).toThrow(ReplyNotAllowedError);
  });
});

describe('encrypted reply envelope (message-push.html example)', () => {
  const v = ENCRYPTED_JSON_REPLY;
  const params = {
    key: parseAesKey(v.encodingAesKey),
    token: v.token,
    appId: v.appId,
    timestamp: v.timestamp,
    nonce: v.nonce,
    random: Buffer.from(v.random),
  };
  it('is byte for byte the official JSON reply', () => {
    expect(sealReply(v.plaintext, { ...params, format: 'json' })).toBe(v.body);
  });
  it('has the XML layout Encrypt, MsgSignature, TimeStamp (bare), Nonce', () => {
    const { Encrypt, MsgSignature } = JSON.parse(v.body) as { Encrypt: string; MsgSignature: string };
    expect(sealReply(v.plaintext, { ...params, format: 'xml' })).toBe(
      `<xml><Encrypt><![CDATA[${Encrypt}]]></Encrypt><MsgSignature><![CDATA[${MsgSignature}]]></MsgSignature><TimeStamp>1713424427</TimeStamp><Nonce><![CDATA[415670741]]></Nonce></xml>`,
    );
  });
});
