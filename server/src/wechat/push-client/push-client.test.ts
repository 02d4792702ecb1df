import { startHarness } from '../../http/testing/harness';
import { decryptMessage, parseAesKey } from '../inbound/crypto';
import { readJson, readXml } from '../inbound/envelope';
import { SECURE_JSON_PUSH as S } from '../inbound/official-vectors';
import { msgSignature, urlSignature } from '../inbound/signature';
import { buildPush, exampleMessage, readReply, type PushTarget } from './index';
import { runCli } from './cli';

const target: PushTarget = {
  url: 'http://127.0.0.1:1/wechat/x',
  token: S.token,
  appId: S.appId,
  originalId: S.originalId,
  encodingAesKey: S.encodingAesKey,
  mode: 'secure',
  format: 'json',
};
const message = exampleMessage('text', { openId: S.openid, originalId: S.originalId, createTime: 1714112445 });
const fixed = { timestamp: 1714112445, nonce: '415670741', random: Buffer.from(S.random) };

describe('buildPush', () => {
  it('secure: body is only ToUserName + Encrypt, query carries both signatures', () => {
    const p = buildPush(target, message, fixed);
    const body = readJson(p.body);
    expect(Object.keys(body)).toEqual(['ToUserName', 'Encrypt']);
    const encrypt = body.Encrypt as string;
    expect(p.query).toEqual({
      signature: urlSignature(S.token, '1714112445', '415670741'),
      timestamp: '1714112445',
      nonce: '415670741',
      openid: S.openid,
      encrypt_type: 'aes',
      msg_signature: msgSignature(S.token, '1714112445', '415670741', encrypt),
    });
    expect(decryptMessage(parseAesKey(S.encodingAesKey), encrypt, S.appId)).toContain('"MsgId":23241477706429916');
    expect(p.contentType).toMatch(/^application\/json/);
  });
  it('is reproducible with injected timestamp, nonce and random', () => {
    expect(buildPush(target, message, fixed)).toEqual(buildPush(target, message, fixed));
  });
  it('compatible: plaintext fields and Encrypt side by side', () => {
    const p = buildPush({ ...target, mode: 'compatible', format: 'xml' }, message, fixed);
    expect(readXml(p.body)).toMatchObject({
      MsgType: 'text',
      Content: 'this is a test',
      MsgId: '23241477706429916',
      Encrypt: expect.any(String),
    });
  });
  it('plaintext: no encryption parameters, the message as the body', () => {
    const p = buildPush({ ...target, mode: 'plaintext', format: 'xml' }, message, fixed);
    expect(Object.keys(p.query)).toEqual(['signature', 'timestamp', 'nonce']);
    expect(p.body).toContain('<MsgId>23241477706429916</MsgId>');
  });
});

describe('readReply', () => {
  it('treats success and the empty string as acknowledgements', () => {
    expect(readReply(target, 'success')).toEqual({ kind: 'ack' });
    expect(readReply(target, '')).toEqual({ kind: 'ack' });
  });
  it('reads the official encrypted reply', () => {
    const body =
      '{"Encrypt":"ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==","MsgSignature":"1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1","TimeStamp":1713424427,"Nonce":"415670741"}';
    expect(readReply(target, body)).toMatchObject({
      kind: 'reply',
      plaintext: '{"demo_resp":"good luck"}',
      encrypted: true,
      signatureValid: true,
    });
  });
});

describe('cli', () => {
  it('prints help', async () => {
    const out: string[] = [];
    expect(await runCli(['--help'], { out: (l) => out.push(l), nowSeconds: () => 0 })).toBe(0);
    expect(out.join('\n')).toContain('--session-from');
  });
  it('sends a secure JSON enter-session push with a SessionFrom, and the URL verification', async () => {
    const channel = {
      id: 'c',
      kind: 'miniprogram' as const,
      appId: S.appId,
      originalId: S.originalId,
      token: S.token,
      encodingAesKey: S.encodingAesKey,
      mode: 'secure' as const,
      format: 'json' as const,
    };
    const h = await startHarness([channel]);
    try {
      const out: string[] = [];
      const io = { out: (l: string) => out.push(l), nowSeconds: () => 1714112445 };
      const common = [
        '--url',
        `${h.baseUrl}/wechat/c`,
        '--token',
        S.token,
        '--app-id',
        S.appId,
        '--original-id',
        S.originalId,
        '--aes-key',
        S.encodingAesKey,
      ];
      expect(
        await runCli(
          [
            ...common,
            '--mode',
            'secure',
            '--format',
            'json',
            '--type',
            'user_enter_tempsession',
            '--session-from',
            'sobot|Ann||{}|partnerid=p1|',
          ],
          io,
        ),
      ).toBe(0);
      expect(h.pushes[0]?.message).toMatchObject({
        type: 'user_enter_tempsession',
        context: { kind: 'sobot', fields: { nickname: 'Ann', partnerId: 'p1' } },
      });
      expect(await runCli([...common, '--verify'], io)).toBe(0);
      expect(await runCli([...common, '--mode', 'plaintext'], io)).toBe(1);
      expect(out[0]).toBe('200 success');
    } finally {
      await h.close();
    }
  });
});
