// Test support for end-to-end tests (no tests here): the whole server composed on a temporary data
// directory and a real port, the WeChat emulator on another, a secure-mode XML mini program channel
// known to both, and an admin API client.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type ComposedServer, composeServer } from '../../compose';
import type { ServerConfig } from '../../config';
import type { Clock } from '../../core/ports/clock';
import type { WebhookRetryPolicy } from '../../core/webhooks/delivery-policy';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing/test-emulator';
import type { PushTarget } from '../../wechat/push-client/index';

export const MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
export const CHANNEL = {
  id: 'shop',
  appId: 'wxe2e0000000000001',
  secret: 'e2eAppSecret0001',
  originalId: 'gh_e2e000000001',
  token: 'e2eToken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

export interface Stack {
  dir: string;
  emulator: TestEmulator;
  server: ComposedServer;
  baseUrl: string;
  target: PushTarget;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** What WeChat (the emulator) delivered, oldest first, to one openid or to everyone: texts, or `[msgtype]`. */
  delivered(openid?: string): Promise<string[]>;
  /** Stops the server (not the emulator) and composes a new one on the same data directory. */
  restart(start?: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** false: compose and listen without starting the worker, the sender and the timers. */
  start?: boolean;
  /** Serve the built web app (build/web) under /app/, as `npm start` does. */
  webDir?: string;
  /** Mount the customer simulator (KEFU_SIMULATOR=1). */
  simulator?: boolean;
  /** The test clock (KEFU_TEST_CLOCK=1); see ./clock.ts. */
  testClock?: boolean;
  /** Where the test clock starts (milliseconds); default the real time. */
  clockStart?: number;
  /** The server's clock (the emulator keeps its own); default: the real one. */
  clock?: Clock;
  /** The WeChat client's timeout (default 30 s), for tests of a WeChat that does not answer. */
  wechatTimeoutMs?: number;
  /** DATABASE_URL: run on this PostgreSQL database instead of a SQLite file. */
  databaseUrl?: string;
  /** Webhooks to a local receiver (KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1), retried on this policy. */
  webhooks?: { retry: WebhookRetryPolicy };
  /** KEFU_PUBLIC_BASE_URL: where WeChat would reach the server (the channel page's push URL). */
  publicBaseUrl?: string;
}

/** `emulatorUrl`: the emulator's API-only door, so an injected outage refuses the server's connections. */
function configFor(dir: string, emulatorUrl: string, options: StackOptions): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    ...(options.databaseUrl !== undefined && { databaseUrl: options.databaseUrl }),
    wechatApiBaseUrl: emulatorUrl,
    masterKey: MASTER_KEY,
    firstAdmin: { username: 'admin', password: 'admin-password-1' },
    logLevel: 'silent',
    ...(options.webDir !== undefined && { webDir: options.webDir }),
    ...(options.simulator && { simulator: true }),
    ...(options.testClock && { testClock: true }),
    ...(options.webhooks && { webhooksAllowLocalHttp: true }),
    ...(options.publicBaseUrl !== undefined && { publicBaseUrl: options.publicBaseUrl }),
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-e2e-'));
  const emulator = await startTestEmulator();
  let server!: ComposedServer;
  let listener!: Server;
  let port = 0;
  const boot = async (start: boolean) => {
    const clockStart = options.clockStart;
    server = composeServer({
      config: configFor(dir, emulator.apiUrl, options),
      logger: pino({ level: 'silent' }),
      pollMs: 50,
      ...(options.wechatTimeoutMs !== undefined && { wechatTimeoutMs: options.wechatTimeoutMs }),
      ...(options.webhooks && { webhookRetry: options.webhooks.retry }),
      ...(options.clock ? { clock: options.clock } : clockStart !== undefined && { clock: { now: () => clockStart } }),
    });
    if (start) await server.start();
    listener = await new Promise<Server>((resolve) => {
      const s = server.app.listen(port, '127.0.0.1', () => resolve(s));
    });
    port = (listener.address() as AddressInfo).port;
  };
  await boot(options.start ?? true);
  const baseUrl = `http://127.0.0.1:${port}`;
  const now = Date.now();
  await server.storage.channels.save({
    id: CHANNEL.id,
    name: '商城',
    kind: 'miniprogram',
    appId: CHANNEL.appId,
    appSecret: CHANNEL.secret,
    originalId: CHANNEL.originalId,
    token: CHANNEL.token,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
    tokenSource: 'stable',
    createdAt: now,
    updatedAt: now,
  });
  const target: PushTarget = {
    url: `${baseUrl}/wechat/${CHANNEL.id}`,
    token: CHANNEL.token,
    appId: CHANNEL.appId,
    originalId: CHANNEL.originalId,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  };
  await emulator.admin('/apps', {
    appId: CHANNEL.appId,
    secret: CHANNEL.secret,
    kind: 'miniprogram',
    originalId: CHANNEL.originalId,
    pushUrl: target.url,
    token: CHANNEL.token,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
  });

  let session: string | undefined;
  const api = async <T>(method: string, path: string, body?: unknown) => {
    session ??= (
      (await (
        await fetch(`${baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
        })
      ).json()) as { token: string }
    ).token;
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${session}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  };
  const delivered = async (openid?: string) => {
    const sent = (await (await fetch(`${emulator.baseUrl}/emulator/sent`)).json()) as Array<{
      request?: { touser: string; msgtype: string; text?: { content: string } };
    }>;
    return sent
      .filter((e) => e.request !== undefined && (openid === undefined || e.request.touser === openid))
      .map((e) => e.request?.text?.content ?? `[${e.request?.msgtype}]`);
  };
  const stopServer = async () => {
    listener.closeAllConnections();
    await new Promise((r) => listener.close(r));
    await server.stop();
  };
  return {
    dir,
    emulator,
    baseUrl,
    target,
    api,
    delivered,
    get server() {
      return server;
    },
    async restart(start = true) {
      await stopServer();
      // Let fetch's pool see that its keep-alive sockets were closed before it is asked to reuse one.
      await new Promise((r) => setTimeout(r, 20));
      await boot(start);
    },
    async close() {
      await stopServer();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
