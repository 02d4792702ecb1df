// Pictures given by URL in an imported file, from a local HTTP server: fetched, checked and stored as
// knowledge media (the entry then holds media:<id>); a failed fetch refuses the file and stores nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SqliteKnowledgeStore } from '../storage/sqlite-knowledge';
import { openDatabase } from '../storage/database';
import { WEBP } from '../core/media/testing/media-samples';
import { knowledgeModule } from './knowledge-module';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let server: Server;
let base = '';
let served = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    served++;
    if (req.url === '/logo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (req.url === '/fake.png') return res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not a picture</html>');
    if (req.url === '/photo.webp') return res.writeHead(200, { 'content-type': 'image/webp' }).end(WEBP);
    if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
    if (req.url === '/huge.png') {
      // No content-length: the cap must hold while reading.
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      return res.end(Buffer.alloc(2 * 1024 * 1024 + 1));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

function setup() {
  const store = new SqliteKnowledgeStore(openDatabase(':memory:'));
  let n = 0;
  const kb = knowledgeModule(store, { now: () => 1, newId: (p) => `${p}${++n}`, pollMs: 0 }).service;
  return { kb, store };
}
const scope = { channelId: 'ch', merchantId: 'm1' };
const json = (entries: unknown[]) => JSON.stringify({ entries });

test('an image’s and a card’s picture URL are fetched once and stored as knowledge media', async () => {
  const { kb } = setup();
  served = 0;
  const csv = [
    'number,type,title,pagePath,media,url,description',
    `1,image,,,${base}/logo.png,,`,
    `2,miniprogram,商城,pages/index,${base}/logo.png,,`,
    `3,link,官网,,${base}/logo.png,https://shop.test/,新品上架`,
  ].join('\r\n');
  expect(await kb.import(scope, csv, 'csv', false)).toBe(3);
  expect(served).toBe(1);
  const [image, card, link] = kb.list(scope);
  expect(image?.media).toMatch(/^media:kbm\d+$/);
  expect(card?.media).toBe(image?.media);
  expect(link?.media).toBe(`${base}/logo.png`); // WeChat fetches a link's picture itself
  const stored = await kb.media(image?.media as string);
  expect(stored).toMatchObject({ filename: 'logo.png', contentType: 'image/png', owner: scope, kind: 'knowledge' });
  expect(Buffer.from(stored?.data as Uint8Array).equals(PNG)).toBe(true);
});

test.each([
  ['too big', '/huge.png', /larger than 2 MiB/],
  ['not an image (content type)', '/page.html', /is not a picture \(content type text\/html\)/],
  ['not an image (bytes)', '/fake.png', /is not a picture, voice or video WeChat knows/],
  ['a WebP', '/photo.webp', /is a WebP file; WeChat takes as image a JPEG, PNG or GIF picture/],
  ['unreachable (404)', '/gone.png', /HTTP 404/],
])('a picture that is %s refuses the file and stores nothing', async (_what, path, message) => {
  const { kb, store } = setup();
  const entries = [
    { number: 1, type: 'image', media: `${base}/logo.png` },
    { number: 2, type: 'image', media: `${base}${path}` },
  ];
  const err = await kb.import(scope, json(entries), 'json', false).catch((e: Error) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toMatch(/^entry 2: media: /);
  expect((err as Error).message).toMatch(message);
  expect(kb.list(scope)).toEqual([]);
  expect(await store.media('kbm1')).toBeUndefined();
});

test('a server that does not answer refuses the file with the reason', async () => {
  const { kb } = setup();
  const closed = createServer();
  await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((ok) => closed.close(() => ok()));
  await expect(
    kb.import(scope, json([{ number: 1, type: 'image', media: `http://127.0.0.1:${port}/a.png` }]), 'json', false),
  ).rejects.toThrow(/entry 1: media: fetching http:\/\/127\.0\.0\.1:\d+\/a\.png failed: .*ECONNREFUSED/);
});
