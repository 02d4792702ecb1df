// GET /messages/:id/media over real HTTP on the composed server (SQLite file), the WeChat emulator (which
// keeps the customer's voice behind a real media_id, served by cgi-bin/media/get) and Debian's ffmpeg: a
// customer's AMR voice comes back as MP3 of the same length, a picture as WeChat keeps it; only to those
// who may read the conversation; media WeChat no longer has is a clear 502.
import { amrVoice } from '../../core/media/testing/media-samples';
import { mediaFormatOf, voiceSecondsOf } from '../../core/media/media-format';
import { CHANNEL, eventually, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

const app = { appId: CHANNEL.appId } as never;
let stack: Stack;
let p: People;
let conversationId = '';

beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
  conversationId = await customerWrites(stack, 'oVoice1', '听一下', MERCHANT_CODES.m1);
  await stack.emulator.customerSays(app, 'oVoice1', 'voice', { mediaBase64: Buffer.from(amrVoice(3)).toString('base64') });
  await stack.emulator.customerSays(app, 'oVoice1', 'voice', { fields: { recognition: '没有文件的语音' } }); // media_id unknown to WeChat
  await stack.emulator.customerSays(app, 'oVoice1', 'image');
  await eventually(async () => ((await inbound()).length === 4 ? true : undefined));
});
afterAll(() => stack.close());

interface Msg {
  id: string;
  direction: string;
  content: { type: string; recognition?: string };
}
const inbound = async () =>
  ((await p.call('GET', `/conversations/${conversationId}/messages`, p.tokens.platform)).json.items as Msg[]).filter(
    (m) => m.direction === 'in',
  );
const media = (messageId: string, token: string) =>
  fetch(`${stack.baseUrl}/api/v1/messages/${messageId}/media`, { headers: { authorization: `Bearer ${token}` } });

describe('GET /messages/:id/media', () => {
  it('plays a customer’s AMR voice as MP3 of the same length; the transcription stays on the message', async () => {
    const [, voice] = await inbound();
    const res = await media(voice?.id ?? '', p.tokens.m1Agent);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    const mp3 = new Uint8Array(await res.arrayBuffer());
    expect(mediaFormatOf(mp3)).toBe('mp3');
    expect(voiceSecondsOf(mp3)).toBeGreaterThan(2.8);
    expect(voiceSecondsOf(mp3)).toBeLessThan(3.3);
    expect(voice?.content.recognition).toBe('你好');
  });

  it('serves a picture as WeChat keeps it', async () => {
    const image = (await inbound()).find((m) => m.content.type === 'image');
    const res = await media(image?.id ?? '', p.tokens.m1Admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('only to those who may read the conversation', async () => {
    const [, voice] = await inbound();
    expect((await media(voice?.id ?? '', p.tokens.m2Agent)).status).toBe(403);
    expect((await media(voice?.id ?? '', p.tokens.m2Admin)).status).toBe(403);
    expect((await fetch(`${stack.baseUrl}/api/v1/messages/${voice?.id}/media`)).status).toBe(401);
  });

  it('404 for a message without media; 502 media_unavailable when WeChat no longer has it', async () => {
    const [text, , lost] = await inbound();
    expect((await media(text?.id ?? '', p.tokens.platform)).status).toBe(404);
    expect((await media('nope', p.tokens.platform)).status).toBe(404);
    const res = await media(lost?.id ?? '', p.tokens.platform);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('media_unavailable');
  });
});
