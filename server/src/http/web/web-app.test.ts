// The built web app under /app/ over real HTTP: index.html for the app's routes, hashed assets cached for
// good, security headers, a clear 503 until the app is built; KEFU_WEB_DIR.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pino from 'pino';
import { readConfig } from '../../config';
import { createApp } from '../create-app';
import { SECURITY_HEADERS, webAppRouter } from './web-app';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/app/assets/index-3f2a1b.js"></script></head><body><div id="root"></div></body></html>';

let dir: string;
let base: string;
let close: () => Promise<void>;

async function serve(webDir: string | undefined): Promise<void> {
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    logger: pino({ level: 'silent' }),
    extraRouters: [['/', webAppRouter(webDir)]],
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => (server.closeAllConnections(), server.close(() => r())));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-web-'));
});
afterEach(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

function build(): void {
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f2a1b.js'), 'console.log("app")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.secret'), 'hidden');
}

/** A raw request, so the path is sent exactly as written (fetch would normalise `..`). */
const raw = (path: string) =>
  new Promise<number>((resolve, reject) => {
    request(`${base}${path}`, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
      .on('error', reject)
      .end();
  });

describe('the web app at /app/', () => {
  it('serves index.html for the app and its routes, revalidated every time, with the security headers', async () => {
    build();
    await serve(dir);
    for (const path of ['/app/', '/app/conversations/42', '/app/settings']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
    }
    expect(SECURITY_HEADERS['content-security-policy']).toBe(
      "default-src 'self'; img-src 'self' data: blob: https: http:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it('caches hashed assets for a year and answers 404 for files that are not there', async () => {
    build();
    await serve(dir);
    const asset = await fetch(`${base}/app/assets/index-3f2a1b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/app/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/app/assets/missing-123.js`)).status).toBe(404);
    expect((await fetch(`${base}/app/.secret`)).status).toBe(404);
    expect(await raw('/app/..%2f..%2fpackage.json')).toBe(404);
  });

  it('leads / and /app to /app/', async () => {
    await serve(dir);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/app/']);
    const app = await fetch(`${base}/app`, { redirect: 'manual' });
    expect([app.status, app.headers.get('location')]).toEqual([301, '/app/']);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it('says how to build it until it is built, then serves it without a restart', async () => {
    await serve(dir);
    const before = await fetch(`${base}/app/`);
    expect([before.status, await before.text()]).toEqual([503, 'the web app is not built: run npm run build:web']);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain/);
    build();
    expect((await fetch(`${base}/app/`)).status).toBe(200);
  });

  it('takes a directory relative to the working directory', async () => {
    build();
    await serve(relative(process.cwd(), dir));
    expect((await fetch(`${base}/app/`)).status).toBe(200);
    expect((await fetch(`${base}/app/assets/index-3f2a1b.js`)).status).toBe(200);
  });

  it('says the same when no directory is configured', async () => {
    await serve(undefined);
    expect((await fetch(`${base}/app/x`)).status).toBe(503);
  });
});

describe('KEFU_WEB_DIR', () => {
  const env = { KEFU_MASTER_KEY: 'k' };
  it('names the directory; the default comes from where the server runs', () => {
    expect(readConfig({ ...env, KEFU_WEB_DIR: '/srv/web' }, { webDir: '/opt/build/web' }).webDir).toBe('/srv/web');
    expect(readConfig(env, { webDir: '/opt/build/web' }).webDir).toBe('/opt/build/web');
    expect(readConfig(env).webDir).toBeUndefined();
  });
});
