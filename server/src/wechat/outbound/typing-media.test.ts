import { MINI_PROGRAM, OFFICIAL_ACCOUNT, startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import { PNG } from '../../core/media/testing/media-samples';
import { WeChatClient } from './client';
import { jscode2session } from './jscode2session';
import { downloadTempMedia, uploadTempMedia } from './media';
import { miniProgramMessages as mp } from './miniprogram-messages';
import { sendCustomMessage } from './send';
import { wire } from './testing/emulated-api';
import { setTyping } from './typing';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

describe('typing', () => {
  it('shows typing within 30 s of the user, refuses a repeat for 15 s, and a send cancels it', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oT', 'text', { deliver: false });
    await setTyping(api, 'oT', 'Typing');
    await expect(setTyping(api, 'oT', 'Typing')).rejects.toMatchObject({ errcode: 45081 });
    await sendCustomMessage(api, mp.text('oT', 'done'));
    await setTyping(api, 'oT', 'Typing');
    await setTyping(api, 'oT', 'CancelTyping');
    emu.clock.advance(31_000);
    await expect(setTyping(api, 'oT', 'Typing')).rejects.toMatchObject({ errcode: 45080 });
  });

  it('needs a message from the user: entering the chat or a menu click opens the window but allows no typing', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oE', 'user_enter_tempsession', { deliver: false });
    await expect(setTyping(api, 'oE', 'Typing')).rejects.toMatchObject({ errcode: 45080 });
    await sendCustomMessage(api, mp.text('oE', 'welcome')); // the window is open: a send goes
    await emu.customerSays(MINI_PROGRAM, 'oE', 'text', { deliver: false });
    await setTyping(api, 'oE', 'Typing');
  });

  it('rejects an unknown command with 45072', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oT', 'text', { deliver: false });
    await expect(api.postJson('cgi-bin/message/custom/typing', { touser: 'oT', command: 'Dancing' })).rejects.toMatchObject({
      errcode: 45072,
    });
  });
});

describe('temporary media', () => {
  const file = { data: PNG, filename: 'pic.png', contentType: 'image/png' };

  it('uploads as multipart and downloads the same bytes until the third day', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    const up = await uploadTempMedia(api, 'image', file);
    expect(up.createdAt).toBe(Math.floor(emu.clock.now() / 1000));
    const down = await downloadTempMedia(api, up.mediaId);
    expect(down).toMatchObject({ contentType: 'image/png', filename: 'pic.png' });
    expect(Buffer.compare(down.data, Buffer.from(file.data))).toBe(0);
    emu.clock.advance(3 * 86_400_000);
    await expect(downloadTempMedia(api, up.mediaId)).rejects.toMatchObject({ errcode: 40007 });
  });

  it('lets mini programs upload images only (40004) and keeps media per app', async () => {
    const mini = wire(emu, MINI_PROGRAM).api;
    await expect(uploadTempMedia(mini, 'voice', { ...file, contentType: 'audio/amr' })).rejects.toMatchObject({ errcode: 40004 });
    const up = await uploadTempMedia(mini, 'image', file);
    await expect(downloadTempMedia(wire(emu, OFFICIAL_ACCOUNT).api, up.mediaId)).rejects.toMatchObject({ errcode: 40007 });
  });

  it('downloads the picture a customer sent', async () => {
    const res = (await emu.customerSays(MINI_PROGRAM, 'oPic', 'image', {
      deliver: false,
      imageBase64: Buffer.from('hello').toString('base64'),
    })) as {
      message: { mediaId: string };
    };
    const down = await downloadTempMedia(wire(emu, MINI_PROGRAM).api, res.message.mediaId);
    expect(down.data.toString()).toBe('hello');
  });
});

describe('jscode2session', () => {
  const client = () => new WeChatClient({ baseUrl: emu.baseUrl });
  const codeFor = async (openId: string) =>
    (await emu.admin<{ code: string }>(`/apps/${MINI_PROGRAM.appId}/customers/${openId}/login`)).code;

  it('exchanges an emulator-issued code once for the openid, UnionID and a session_key', async () => {
    const customer = await emu.admin<{ unionId: string }>(`/apps/${MINI_PROGRAM.appId}/customers`, {
      openId: 'oLogin',
      unionId: 'oUnion42',
    });
    const code = await codeFor('oLogin');
    const s = await jscode2session(client(), MINI_PROGRAM, code);
    expect(s).toMatchObject({ openId: 'oLogin', unionId: customer.unionId });
    expect(s.sessionKey.length).toBeGreaterThan(10);
    await expect(jscode2session(client(), MINI_PROGRAM, code)).rejects.toMatchObject({ errcode: 40163 });
  });

  it('rejects unknown and expired codes (40029) and a wrong secret (40125)', async () => {
    await expect(jscode2session(client(), MINI_PROGRAM, 'made-up')).rejects.toMatchObject({ errcode: 40029 });
    const code = await codeFor('oLate');
    await expect(jscode2session(client(), { ...MINI_PROGRAM, secret: 'not-the-secret' }, code)).rejects.toMatchObject({ errcode: 40125 });
    emu.clock.advance(5 * 60_000);
    await expect(jscode2session(client(), MINI_PROGRAM, code)).rejects.toMatchObject({ errcode: 40029 });
  });
});
