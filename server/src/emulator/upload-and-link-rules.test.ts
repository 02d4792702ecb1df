// The emulator refuses what WeChat refuses (media-store.ts, message-rules.ts): uploads are judged by their
// bytes per kind of app and media type, and a mini program link needs its description. Real HTTP to the
// emulator on its own port, through the product's own WeChat client.
import { amrVoice, GIF, JPEG, MP4, PNG, sized, TEXT, WEBP } from '../core/media/testing/media-samples';
import { uploadTempMedia, type MediaType } from '../wechat/outbound/media';
import { sendCustomMessage } from '../wechat/outbound/send';
import { wire } from '../wechat/outbound/testing/emulated-api';
import type { EmulatedApp } from './apps';
import { MINI_PROGRAM, OFFICIAL_ACCOUNT, startTestEmulator, type TestEmulator } from './testing/test-emulator';

let emu: TestEmulator;
beforeEach(async () => {
  emu = await startTestEmulator();
});
afterEach(() => emu.close());

const upload = (app: EmulatedApp, type: MediaType, data: Uint8Array, contentType = 'image/jpeg') =>
  uploadTempMedia(wire(emu, app).api, type, { data, filename: 'file.jpg', contentType });

describe('uploads', () => {
  it('takes JPEG, PNG and GIF pictures, a JPEG thumb, AMR voice and MP4 video', async () => {
    for (const picture of [JPEG, PNG, GIF]) await expect(upload(MINI_PROGRAM, 'image', picture)).resolves.toHaveProperty('mediaId');
    await expect(upload(OFFICIAL_ACCOUNT, 'thumb', JPEG)).resolves.toMatchObject({ type: 'thumb' });
    await expect(upload(OFFICIAL_ACCOUNT, 'voice', amrVoice(59), 'audio/amr')).resolves.toHaveProperty('mediaId');
    await expect(upload(OFFICIAL_ACCOUNT, 'video', MP4, 'video/mp4')).resolves.toHaveProperty('mediaId');
  });

  it('refuses a PNG as thumb, WebP and text as an image, whatever they are called (40005)', async () => {
    await expect(upload(OFFICIAL_ACCOUNT, 'thumb', PNG)).rejects.toMatchObject({ errcode: 40005 });
    await expect(upload(MINI_PROGRAM, 'image', WEBP)).rejects.toMatchObject({ errcode: 40005 });
    await expect(upload(OFFICIAL_ACCOUNT, 'image', TEXT)).rejects.toMatchObject({ errcode: 40005 });
    await expect(upload(OFFICIAL_ACCOUNT, 'video', JPEG, 'video/mp4')).rejects.toMatchObject({ errcode: 40005 });
  });

  it('refuses oversized files and voice over 60 s (40006), a foreign type (40004), nothing (41005)', async () => {
    await expect(upload(OFFICIAL_ACCOUNT, 'thumb', sized(JPEG, 64 * 1024 + 1))).rejects.toMatchObject({ errcode: 40006 });
    await expect(upload(MINI_PROGRAM, 'image', sized(PNG, 2 * 1024 * 1024 + 1))).rejects.toMatchObject({ errcode: 40006 });
    await expect(upload(OFFICIAL_ACCOUNT, 'voice', amrVoice(61), 'audio/amr')).rejects.toMatchObject({ errcode: 40006 });
    await expect(upload(MINI_PROGRAM, 'thumb', JPEG)).rejects.toMatchObject({ errcode: 40004 });
    await expect(upload(OFFICIAL_ACCOUNT, 'image', new Uint8Array())).rejects.toMatchObject({ errcode: 41005 });
  });
});

describe('customer-service messages', () => {
  const link = (description?: string) => ({
    touser: 'oLink',
    msgtype: 'link',
    link: { title: 't', ...(description !== undefined && { description }), url: 'https://x.test/', thumb_url: 'https://x.test/t.jpg' },
  });

  it('refuses a mini program link without a description, or with an empty one (47001)', async () => {
    const { api } = wire(emu, MINI_PROGRAM);
    await emu.customerSays(MINI_PROGRAM, 'oLink', 'text', { deliver: false });
    await expect(api.postJson('cgi-bin/message/custom/send', link())).rejects.toMatchObject({ errcode: 47001 });
    await expect(api.postJson('cgi-bin/message/custom/send', link(''))).rejects.toMatchObject({ errcode: 47001 });
    await expect(sendCustomMessage(api, link('d') as never)).resolves.toBeUndefined();
  });

  it('refuses an official account’s mini program card without the mini program’s appid (47001)', async () => {
    const { api } = wire(emu, OFFICIAL_ACCOUNT);
    await emu.customerSays(OFFICIAL_ACCOUNT, 'oCard', 'text', { deliver: false });
    const thumb = (await upload(OFFICIAL_ACCOUNT, 'image', JPEG)).mediaId;
    const card = { touser: 'oCard', msgtype: 'miniprogrampage', miniprogrampage: { title: 't', pagepath: 'p', thumb_media_id: thumb } };
    await expect(api.postJson('cgi-bin/message/custom/send', card)).rejects.toMatchObject({ errcode: 47001 });
  });
});
