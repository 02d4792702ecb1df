// In a browser, media an agent can use: a customer's AMR voice plays (the server converts it with ffmpeg;
// the audio element reports its duration) with WeChat's transcription beside it, a picture opens larger,
// a file shows its name and size, a location links to a map, and a picture pasted into the composer is
// sent (WeChat delivers it).
import type { Page } from 'playwright-core';
import { amrVoice } from '../../server/src/core/media/testing/media-samples';
import { openPage, screenshot } from './testing/browser';
import { solidPng } from './testing/png';
import { browserSuite } from './testing/suite';
import { CHANNEL, conversationOf, createAgent, customerWrites, deliveredTo, eventually, logIn } from './testing/web-stack';

const suite = browserSuite();
const app = { appId: CHANNEL.appId } as never;

const inbound = (page: Page) => page.locator('[data-message-id][data-direction="in"]');

describe('media in the workbench', () => {
  it('plays voice, enlarges a picture, shows a file and a location, sends a pasted picture', async () => {
    const openid = 'oMedia01';
    const zhao = await createAgent(suite.stack, { name: '小赵', username: 'xiaozhao' });
    await customerWrites(suite.stack, openid, '我发些东西给你看');
    const c = await conversationOf(suite.stack, openid, 'assigned');
    const says = (type: string, extra: Record<string, unknown> = {}) => suite.stack.emulator.customerSays(app, openid, type, extra);
    await says('voice', { mediaBase64: Buffer.from(amrVoice(2)).toString('base64') });
    await says('image', { imageBase64: solidPng(120, [30, 120, 220]).toString('base64') });
    await says('file');
    await says('location');
    await eventually(async () => {
      const r = await suite.stack.api<{ items: Array<{ content: { type: string } }> }>('GET', `/conversations/${c.id}/messages`);
      return r.body.items.some((m) => m.content.type === 'location') ? true : undefined; // the last one sent
    });

    const { context, page, errors } = await openPage(suite.browser);
    await logIn(page, suite.stack, zhao, `/app/inbox/${c.id}`);
    await page.getByTestId('location-message').waitFor();

    // Voice: the converted MP3 loads and reports its length; the transcription is beside it.
    const duration = await eventually(async () => {
      const d = Number(await page.evaluate("document.querySelector('[data-testid=voice-audio]')?.duration ?? 0"));
      return d > 0 && Number.isFinite(d) ? d : undefined;
    }, 15_000);
    expect(duration).toBeGreaterThan(1.5);
    expect(duration).toBeLessThan(2.5);
    await page.getByTestId('voice-transcription').filter({ hasText: '你好' }).waitFor();
    await page.getByTestId('file-message').filter({ hasText: 'report.pdf' }).filter({ hasText: '12.0 KB' }).waitFor();
    const map = await page.getByTestId('location-message').locator('a').getAttribute('href');
    expect(map).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=113\.358803,23\.134521/);
    await screenshot(page, 'media-chat');

    // The picture opens larger, loaded through our server from WeChat.
    await inbound(page).locator('.inbox-thumb').click();
    const big = page.locator('.inbox-lightbox img');
    await big.waitFor();
    await eventually(async () =>
      (await page.evaluate("document.querySelector('.inbox-lightbox img')?.naturalWidth")) === 120 ? true : undefined,
    );
    await screenshot(page, 'media-lightbox');
    await page.locator('.inbox-lightbox-close').click();
    await big.waitFor({ state: 'detached' });

    // A picture pasted from the clipboard is sent as a picture.
    const png = solidPng(40, [200, 60, 60]).toString('base64');
    await page.getByTestId('reply-input').focus();
    await page.evaluate(`(() => {
      const bytes = Uint8Array.from(atob('${png}'), (ch) => ch.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], '', { type: 'image/png' }));
      document.querySelector('[data-testid=reply-input]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await deliveredTo(suite.stack, openid, '[image]');
    expect(await page.getByTestId('reply-input').inputValue()).toBe('');

    expect(errors).toEqual([]);
    await context.close();
  });
});
