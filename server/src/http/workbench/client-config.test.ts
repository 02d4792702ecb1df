// GET /workbench/config on the composed server (public: the web app asks before anyone logs in), and with
// the simulator mounted.
import { startStack, type Stack } from '../../e2e/testing/stack';
import { VERSION } from '../../version';
import { startWorkbenchApp } from './testing/workbench-app';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('GET /workbench/config', () => {
  it('tells the web app the version and that the simulator is off, without credentials', async () => {
    const res = await fetch(`${stack.baseUrl}/workbench/config`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ simulator: false, version: VERSION });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says when the simulator is on', async () => {
    const app = await startWorkbenchApp(stack, {
      simulator: { wechatApiBaseUrl: stack.emulator.baseUrl, channelAppId: async () => undefined },
    });
    try {
      expect(await (await fetch(`${app.baseUrl}/workbench/config`)).json()).toEqual({ simulator: true, version: 'dev' });
    } finally {
      await app.close();
    }
  });

  it('leaves the composed server’s other routes alone: / leads to the app, health still answers', async () => {
    const root = await fetch(`${stack.baseUrl}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/app/');
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/app/`)).status).toBe(503); // the test stack has no built web app
  });
});
