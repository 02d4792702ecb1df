// Two hardening rules of the HTTP edge, over real HTTP: a push nested absurdly deep is refused with 400
// (malformed body) instead of overflowing the stack of a recursive reader (500), and every answer (push
// endpoint, API, static workbench files, 404s) says `X-Content-Type-Options: nosniff`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelConfig, PushFormat, PushMode } from '../core/channel';
import { buildPush, exampleMessage, sendPush, type PushTarget } from '../wechat/push-client/index';
import { webAppRouter } from './web/web-app';
import { type Harness, startHarness } from './testing/harness';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const channel = (mode: PushMode, format: PushFormat): ChannelConfig => ({
  id: `${mode}-${format}`,
  kind: 'miniprogram',
  appId: 'wx52f1b2c0e1d2a3b4',
  originalId: 'gh_1234567890ab',
  token: 'deepToken',
  encodingAesKey: KEY,
  mode,
  format,
});
const channels = (['plaintext', 'secure'] as const).flatMap((m) => (['xml', 'json'] as const).map((f) => channel(m, f)));

let h: Harness;
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'kefu-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>kefu</title>');
  writeFileSync(join(webDir, 'app.js'), 'console.log(1)');
  h = await startHarness(channels, { extraRouters: [['/', webAppRouter(webDir)]] });
});
afterAll(async () => {
  await h.close();
  rmSync(webDir, { recursive: true, force: true });
});

const target = (c: ChannelConfig): PushTarget => ({
  url: `${h.baseUrl}/wechat/${c.id}`,
  token: c.token,
  appId: c.appId,
  originalId: c.originalId,
  encodingAesKey: KEY,
  mode: c.mode,
  format: c.format,
});

/** A correctly signed push whose body is replaced by `body` (the URL signature does not cover the body). */
async function signedWithBody(c: ChannelConfig, body: string) {
  const built = buildPush(target(c), exampleMessage('text', { openId: 'oDeep', originalId: c.originalId, createTime: 1714112445 }));
  const res = await fetch(built.url, { method: 'POST', headers: { 'content-type': built.contentType }, body });
  return { status: res.status, text: await res.text(), nosniff: res.headers.get('x-content-type-options') };
}

const DEEP_JSON = `{"ToUserName":"gh_1234567890ab","Encrypt":"x","Deep":${'['.repeat(15_000)}${']'.repeat(15_000)}}`;
const DEEP_XML = `<xml><ToUserName><![CDATA[gh_1234567890ab]]></ToUserName><Deep>${'<a>'.repeat(8000)}x${'</a>'.repeat(8000)}</Deep></xml>`;

describe('deep nesting in a push', () => {
  for (const c of channels) {
    it(`${c.mode} ${c.format}: 15,000-deep JSON or 8,000-deep XML answers 400, not 500`, async () => {
      const answer = await signedWithBody(c, c.format === 'json' ? DEEP_JSON : DEEP_XML);
      expect(answer.status).toBe(400);
      expect(answer.text).toBe('malformed body');
      expect(h.logs.some((l) => l.includes('nested deeper than 32 levels'))).toBe(true);
    });
  }

  it('a push nested as deep as WeChat ever nests is still accepted', async () => {
    const c = channel('plaintext', 'json');
    const fine = `{"ToUserName":"gh_1234567890ab","FromUserName":"oDeep","CreateTime":1714112445,"MsgType":"event","Event":"x","List":${'['.repeat(20)}"v"${']'.repeat(20)}}`;
    expect((await signedWithBody(c, fine)).status).toBe(200);
  });
});

describe('X-Content-Type-Options: nosniff on every answer', () => {
  it('the push endpoint, on success and on failure', async () => {
    const c = channel('secure', 'xml');
    const ok = await sendPush(target(c), exampleMessage('text', { openId: 'oSniff', originalId: c.originalId, createTime: 1714112445 }));
    expect(ok.status).toBe(200);
    const raw = await fetch(`${h.baseUrl}/wechat/${c.id}?signature=x`, { method: 'POST', body: 'x' });
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    const built = buildPush(target(c), exampleMessage('text', { openId: 'o', originalId: c.originalId, createTime: 1 }));
    const pushed = await fetch(built.url, { method: 'POST', body: built.body });
    expect(pushed.status).toBe(200);
    expect(pushed.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('static workbench files, redirects and 404s', async () => {
    for (const path of ['/app/', '/app/app.js', '/', '/no-such-page']) {
      const res = await fetch(`${h.baseUrl}${path}`, { redirect: 'manual' });
      expect([path, res.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
    }
  });
});
