// Test support (no tests here): the real app with the API and ops routers on a real port 0, over the
// in-memory engine, channel store and auth stores; one channel with two merchants and credentials for
// every role.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { engineFixture, type EngineFixture } from '../../../app/testing/engine-fixture';
import { inMemoryAuthStores } from '../../../storage/testing/auth-in-memory';
import { createApp } from '../../create-app';
import { createMetrics, type Metrics } from '../../ops/metrics';
import { opsRouter } from '../../ops/ops-router';
import { apiRouter } from '../api-router';
import type { AuthService } from '../../../app/auth/auth-service';
import { FAST_SCRYPT, testAuthService } from '../../../security/testing/test-auth-service';
import { TimeSortableIds } from '../../../storage/time-sortable-ids';
import { LoginThrottle } from '../../../app/auth/login-throttle';
import type { PasswordHasher } from '../../../core/ports/credentials';
import type { ChannelRecord } from '../../../core/ports/channel-store';
import { InMemoryChannelStore } from '../../../storage/testing/in-memory-channel-store';
import type { KnowledgeService } from '../../../knowledge/knowledge-service';
import { InMemoryReports } from '../../../core/testing/in-memory-reports';
import { InMemoryConversationSearch } from '../../../core/testing/in-memory-search';
import { InMemoryAuditLog } from '../../../storage/testing/in-memory-audit-log';

export const SECRETS = {
  appSecret: 'S3cretAppSecretValue0001',
  token: 'PushTokenValue0001',
  encodingAesKey: 'A'.repeat(22) + 'B'.repeat(21),
  unionIdKey: 'UnionKey16bytes!',
};

export const CHANNEL_RECORD: ChannelRecord = {
  id: 'ch1',
  name: 'Shop',
  kind: 'miniprogram',
  appId: 'wx1234567890abcdef',
  originalId: 'gh_123456789abc',
  mode: 'secure',
  format: 'json',
  tokenSource: 'stable',
  createdAt: 1,
  updatedAt: 1,
  ...SECRETS,
};

export interface Answer {
  status: number;
  json: any;
  text: string;
  headers: Headers;
}

/** One HTTP request with an optional bearer token; a string body is sent as is, anything else as JSON. */
export async function callWithBearer(method: string, url: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export interface ApiFixture {
  base: string;
  engine: EngineFixture;
  channels: InMemoryChannelStore;
  auth: ReturnType<typeof inMemoryAuthStores>;
  metrics: Metrics;
  tokens: { platform: string; merchantAdmin: string; agent1: string; agent2: string; otherMerchantAdmin: string };
  service: AuthService;
  /** A JSON request; `token` undefined sends no Authorization. */
  call(method: string, path: string, token?: string, body?: unknown): Promise<Answer>;
  database: { up: boolean };
  close(): Promise<void>;
}

export { FAST_SCRYPT };

export async function startApiFixture(
  options: {
    throttle?: LoginThrottle;
    sessionTtlMs?: number;
    knowledge?: KnowledgeService;
    passwords?: PasswordHasher;
    /** Keep an audit log (over the engine's tables, where units write their entries). */
    audit?: boolean;
  } = {},
): Promise<ApiFixture> {
  const engine = engineFixture();
  const channels = new InMemoryChannelStore();
  await channels.save(CHANNEL_RECORD);
  await engine.merchant('m1', 'shop-1');
  await engine.merchant('m2', 'shop-2');
  await engine.agent('a1', { merchantId: 'm1' });
  await engine.agent('a2', { merchantId: 'm2' });
  const auth = inMemoryAuthStores();
  const metrics = createMetrics({ defaultMetrics: false });
  const database = { up: true };
  const service = testAuthService({
    stores: auth,
    uow: engine.deps.uow,
    clock: engine.clock,
    throttle: options.throttle ?? new LoginThrottle(),
    ...(options.sessionTtlMs !== undefined && { sessionTtlMs: options.sessionTtlMs }),
    ...(options.passwords && { passwords: options.passwords }),
  });
  // Records made through the API get ULIDs of their own, so the engine's sequential ids stay as tests expect.
  const common = {
    engine: engine.deps,
    channels,
    auth: service,
    ids: new TimeSortableIds(engine.clock),
    metrics,
    reports: new InMemoryReports(engine.store),
    search: new InMemoryConversationSearch(engine.store),
    ...(options.knowledge && { knowledge: options.knowledge }),
    ...(options.audit && { audit: new InMemoryAuditLog(() => engine.store.data.audit) }),
  };
  const app = createApp({
    channels: { find: async () => undefined },
    onPush: async () => undefined,
    logger: pino({ level: 'silent' }),
    extraRouters: [
      ['/api/v1', apiRouter(common)],
      ['/', opsRouter({ metrics, checkDatabase: async () => database.up })],
    ],
  });
  const tokens = {
    platform: (await service.createApiToken('platform', { role: 'platform_admin' })).token,
    merchantAdmin: (await service.createApiToken('m1 admin', { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1' })).token,
    otherMerchantAdmin: (await service.createApiToken('m2 admin', { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm2' })).token,
    agent1: (await service.createApiToken('a1', { role: 'agent', agentId: 'a1' })).token,
    agent2: (await service.createApiToken('a2', { role: 'agent', agentId: 'a2' })).token,
  };
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    engine,
    channels,
    auth,
    metrics,
    tokens,
    service,
    database,
    call: (method, path, token, body) => callWithBearer(method, base + path, token, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
