import { readJson, readXml } from './envelope';
import { toInboundMessage } from './to-domain';

const head =
  '<ToUserName><![CDATA[toUser]]></ToUserName><FromUserName><![CDATA[fromUser]]></FromUserName><CreateTime>1348831860</CreateTime>';
const xml = (inner: string): ReturnType<typeof toInboundMessage> => toInboundMessage(readXml(`<xml>${head}${inner}</xml>`));
const header = { toUserName: 'toUser', fromUserName: 'fromUser', createTime: '1348831860' };

describe('toInboundMessage: mini program (receive.html examples)', () => {
  it('text, with MsgId as a string', () => {
    expect(xml('<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[0012]]></Content><MsgId>1234567890123456</MsgId>')).toEqual({
      ...header,
      type: 'text',
      content: '0012',
      msgId: '1234567890123456',
    });
  });
  it('image', () => {
    expect(xml('<MsgType>image</MsgType><PicUrl>http://p</PicUrl><MediaId>m</MediaId><MsgId>1</MsgId>')).toEqual({
      ...header,
      type: 'image',
      picUrl: 'http://p',
      mediaId: 'm',
      msgId: '1',
    });
  });
  it('miniprogrampage from the JSON example, MsgId above 2^53', () => {
    const json =
      '{"ToUserName":"toUser","FromUserName":"fromUser","CreateTime":1482048670,"MsgType":"miniprogrampage","MsgId":23241477706429916,"Title":"title","AppId":"appid","PagePath":"path","ThumbUrl":"thumburl","ThumbMediaId":"thumbmediaid"}';
    expect(toInboundMessage(readJson(json))).toEqual({
      toUserName: 'toUser',
      fromUserName: 'fromUser',
      createTime: '1482048670',
      type: 'miniprogrampage',
      msgId: '23241477706429916',
      title: 'title',
      appId: 'appid',
      pagePath: 'path',
      thumbUrl: 'thumburl',
      thumbMediaId: 'thumbmediaid',
    });
  });
  it('user_enter_tempsession with a foreign SessionFrom means no context', () => {
    const json =
      '{"ToUserName":"gh_052c8629f6e0","FromUserName":"o3If74tJu0LF0iiQ-lZgMydu9-i4","CreateTime":1636612231,"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"wxapp"}';
    const m = toInboundMessage(readJson(json));
    expect(m).toMatchObject({ type: 'user_enter_tempsession', sessionFrom: 'wxapp', context: { kind: 'none', reason: 'foreign' } });
  });
  it('user_enter_tempsession with a Sobot session-from is decoded', () => {
    const m = xml(
      '<MsgType>event</MsgType><Event>user_enter_tempsession</Event><SessionFrom><![CDATA[sobot|张三|https://a/b.png|{"k":"v"}|partnerid=u1|]]></SessionFrom>',
    );
    expect(m).toMatchObject({
      type: 'user_enter_tempsession',
      context: { kind: 'sobot', fields: { nickname: '张三', partnerId: 'u1', params: { k: 'v' } } },
    });
  });
  it('user_enter_tempsession without SessionFrom is still the event, with empty context', () => {
    expect(xml('<MsgType>event</MsgType><Event>user_enter_tempsession</Event>')).toMatchObject({
      type: 'user_enter_tempsession',
      sessionFrom: '',
      context: { kind: 'none', reason: 'empty' },
    });
  });
});

describe('toInboundMessage: official account (Receiving_standard_messages / event pushes)', () => {
  it.each([
    [
      'text with bizmsgmenuid',
      '<MsgType>text</MsgType><Content>yes</Content><MsgId>5</MsgId><bizmsgmenuid>101</bizmsgmenuid>',
      { type: 'text', content: 'yes', msgId: '5', bizMsgMenuId: '101' },
    ],
    [
      'voice',
      '<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><Recognition>你好</Recognition><MsgId>5</MsgId>',
      { type: 'voice', mediaId: 'm', format: 'amr', recognition: '你好', msgId: '5' },
    ],
    [
      'voice without recognition',
      '<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><MsgId>5</MsgId>',
      { type: 'voice', mediaId: 'm', format: 'amr', msgId: '5' },
    ],
    [
      'video',
      '<MsgType>video</MsgType><MediaId>m</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>5</MsgId>',
      { type: 'video', mediaId: 'm', thumbMediaId: 't', msgId: '5' },
    ],
    [
      'shortvideo',
      '<MsgType>shortvideo</MsgType><MediaId>m</MediaId><ThumbMediaId>t</ThumbMediaId><MsgId>5</MsgId>',
      { type: 'shortvideo', mediaId: 'm', thumbMediaId: 't', msgId: '5' },
    ],
    [
      'location',
      '<MsgType>location</MsgType><Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label>位置</Label><MsgId>5</MsgId>',
      { type: 'location', latitude: '23.134521', longitude: '113.358803', scale: '20', label: '位置', msgId: '5' },
    ],
    [
      'link',
      '<MsgType>link</MsgType><Title>t</Title><Description>d</Description><Url>u</Url><MsgId>5</MsgId>',
      { type: 'link', title: 't', description: 'd', url: 'u', msgId: '5' },
    ],
    [
      'file',
      '<MsgType>file</MsgType><Title>t</Title><Description>d</Description><FileKey>k</FileKey><FileMd5>m</FileMd5><FileTotalLen>2048</FileTotalLen><MsgId>5</MsgId>',
      { type: 'file', title: 't', description: 'd', fileKey: 'k', fileMd5: 'm', fileTotalLen: '2048', msgId: '5' },
    ],
    [
      'subscribe via QR',
      '<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_123123</EventKey><Ticket>TICKET</Ticket>',
      { type: 'subscribe', eventKey: 'qrscene_123123', ticket: 'TICKET' },
    ],
    ['plain subscribe', '<MsgType>event</MsgType><Event>subscribe</Event>', { type: 'subscribe' }],
    ['unsubscribe', '<MsgType>event</MsgType><Event>unsubscribe</Event>', { type: 'unsubscribe' }],
    [
      'SCAN',
      '<MsgType>event</MsgType><Event>SCAN</Event><EventKey>123</EventKey><Ticket>T</Ticket>',
      { type: 'scan', eventKey: '123', ticket: 'T' },
    ],
    [
      'LOCATION',
      '<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>',
      { type: 'location_report', latitude: '23.137466', longitude: '113.352425', precision: '119.385040' },
    ],
    ['CLICK', '<MsgType>event</MsgType><Event>CLICK</Event><EventKey>K</EventKey>', { type: 'click', eventKey: 'K' }],
    ['VIEW', '<MsgType>event</MsgType><Event>VIEW</Event><EventKey>https://x</EventKey>', { type: 'view', eventKey: 'https://x' }],
    [
      'kf_create_session',
      '<MsgType>event</MsgType><Event>kf_create_session</Event><KfAccount>a@b</KfAccount>',
      { type: 'kf_create_session', kfAccount: 'a@b' },
    ],
    [
      'kf_close_session',
      '<MsgType>event</MsgType><Event>kf_close_session</Event><KfAccount>a@b</KfAccount>',
      { type: 'kf_close_session', kfAccount: 'a@b' },
    ],
    [
      'kf_switch_session',
      '<MsgType>event</MsgType><Event>kf_switch_session</Event><FromKfAccount>a@b</FromKfAccount><ToKfAccount>c@d</ToKfAccount>',
      { type: 'kf_switch_session', fromKfAccount: 'a@b', toKfAccount: 'c@d' },
    ],
  ])('%s', (_n, inner, expected) => {
    expect(xml(inner)).toEqual({ ...header, ...expected });
  });
});

describe('toInboundMessage keeps every number as the text WeChat sent', () => {
  it('a location with trailing zeros, from XML and from JSON', () => {
    const fromXml = xml(
      '<MsgType>location</MsgType><Location_X>23.130000</Location_X><Location_Y>113.260000</Location_Y><Scale>15</Scale><Label>广州</Label><MsgId>24000000000000000001</MsgId>',
    );
    expect(fromXml).toMatchObject({ latitude: '23.130000', longitude: '113.260000', scale: '15', msgId: '24000000000000000001' });
    const json =
      '{"ToUserName":"t","FromUserName":"f","CreateTime":1700000000,"MsgType":"location","Location_X":23.130000,"Location_Y":113.260000,"Scale":15.0,"Label":"广州","MsgId":24000000000000000001}';
    expect(toInboundMessage(readJson(json))).toMatchObject({
      createTime: '1700000000',
      latitude: '23.130000',
      longitude: '113.260000',
      scale: '15.0',
      msgId: '24000000000000000001',
    });
  });
  it('Precision, FileTotalLen and CreateTime as sent', () => {
    expect(
      xml(
        '<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>23.100</Latitude><Longitude>113.0</Longitude><Precision>65.000000</Precision>',
      ),
    ).toMatchObject({ createTime: '1348831860', latitude: '23.100', longitude: '113.0', precision: '65.000000' });
    expect(
      xml(
        '<MsgType>file</MsgType><Title>t</Title><Description>d</Description><FileKey>k</FileKey><FileMd5>m</FileMd5><FileTotalLen>02048</FileTotalLen><MsgId>5</MsgId>',
      ),
    ).toMatchObject({ fileTotalLen: '02048' });
  });
});

describe('toInboundMessage is total', () => {
  it.each([
    ['an unknown MsgType', '<MsgType>weird</MsgType>', 'weird', ''],
    ['an unknown event', '<MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>', 'event', 'subscribe_msg_popup_event'],
    ['a text without Content', '<MsgType>text</MsgType><MsgId>1</MsgId>', 'text', ''],
    ['a text without MsgId', '<MsgType>text</MsgType><Content>x</Content>', 'text', ''],
    [
      'a location with a non-numeric latitude',
      '<MsgType>location</MsgType><Location_X>north</Location_X><Location_Y>1</Location_Y><Scale>1</Scale><Label>l</Label><MsgId>1</MsgId>',
      'location',
      '',
    ],
    ['a nested Content', '<MsgType>text</MsgType><Content><a>1</a></Content><MsgId>1</MsgId>', 'text', ''],
    ['a MsgType named like an Object method', '<MsgType>toString</MsgType>', 'toString', ''],
  ])('%s becomes unknown', (_n, inner, msgType, event) => {
    expect(xml(inner)).toMatchObject({ type: 'unknown', msgType, event });
  });
  it('a missing or non-integer CreateTime makes it unknown', () => {
    expect(
      toInboundMessage(
        readXml(
          '<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><MsgType>text</MsgType><Content>x</Content><MsgId>1</MsgId></xml>',
        ),
      ).type,
    ).toBe('unknown');
    expect(
      toInboundMessage(readJson('{"ToUserName":"a","FromUserName":"b","CreateTime":1.5,"MsgType":"text","Content":"x","MsgId":1}')).type,
    ).toBe('unknown');
  });
  it('an empty record becomes unknown', () => {
    expect(toInboundMessage(readJson('{}'))).toEqual({ type: 'unknown', msgType: '', event: '', raw: {} });
  });
});
