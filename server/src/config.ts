// The server's configuration, from environment variables only (documented in the README). Read once by
// main.ts; nothing else looks at process.env.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  // PostgreSQL instead of the SQLite file in DATA_DIR (several server processes may share it).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  WECHAT_API_BASE_URL: z.url().default('https://api.weixin.qq.com'),
  /** 32 random bytes (base64 or hex) that encrypt channel secrets and access tokens at rest. */
  KEFU_MASTER_KEY: z.string().min(1, 'KEFU_MASTER_KEY is required: 32 random bytes, e.g. `openssl rand -base64 32`'),
  /** Channels to create at start when missing (config as code); manage them with the API or CLI after. */
  KEFU_CHANNELS_FILE: z.string().min(1).optional(),
  /** The first platform admin, created at start when no login exists yet. */
  KEFU_ADMIN_USER: z.string().min(1).optional(),
  KEFU_ADMIN_PASSWORD: z.string().min(10, 'KEFU_ADMIN_PASSWORD needs at least 10 characters').optional(),
  /** Express's trust proxy setting, e.g. 1 behind one reverse proxy (login throttling needs the client IP). */
  TRUST_PROXY: z.string().optional(),
  /** The customer simulator of the workbench (demos, local development): 1 turns it on; never in production. */
  KEFU_SIMULATOR: z.enum(['0', '1']).default('0'),
  /** The test clock (black-box tests move the server's time over HTTP): 1 turns it on; never in production. */
  KEFU_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  /** Webhook endpoints on http://127.0.0.1 / localhost (tests, local development): 1 allows them; never in production. */
  KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP: z.enum(['0', '1']).default('0'),
  /** How many days the audit log keeps its entries; default 730 (two years). */
  KEFU_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  KEFU_QUEUE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** The built web workbench (index.html and assets/), served at /app/. */
  KEFU_WEB_DIR: z.string().min(1).optional(),
  /** This process's name in a cluster (/metrics' node label, /healthz, pg_stat_activity); default host-pid. */
  /** Where WeChat's open-platform authorization page lives; default https://mp.weixin.qq.com, or the emulator's base URL when WECHAT_API_BASE_URL names one. */
  WECHAT_AUTH_PAGE_BASE_URL: z.url().optional(),
  /** Where WeChat reaches this server (https://kefu.example.com): the channel page shows push URLs on it. */
  KEFU_PUBLIC_BASE_URL: z.url().optional(),
  KEFU_NODE_NAME: z.string().min(1).max(100).optional(),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string;
  wechatApiBaseUrl: string;
  /** WECHAT_AUTH_PAGE_BASE_URL: WeChat's open-platform authorization page; absent: see authPageBaseUrl. */
  wechatAuthPageBaseUrl?: string;
  /** KEFU_PUBLIC_BASE_URL, without a trailing slash: where WeChat reaches this server. */
  publicBaseUrl?: string;
  masterKey: string;
  channelsFile?: string;
  firstAdmin?: { username: string; password: string };
  trustProxy?: string;
  /** KEFU_SIMULATOR=1: mount /workbench/simulator (it drives the WeChat emulator at wechatApiBaseUrl). */
  simulator?: boolean;
  /** KEFU_TEST_CLOCK=1: the server's time stands still unless /testing/clock moves it (timers fire on the way). */
  testClock?: boolean;
  /** KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1: webhook endpoints may be plain http on this machine (loopback only). */
  webhooksAllowLocalHttp?: boolean;
  /** KEFU_AUDIT_RETENTION_DAYS: how long audit entries are kept; absent: DEFAULT_AUDIT_RETENTION_DAYS. */
  auditRetentionDays?: number;
  /** KEFU_QUEUE_RETENTION_DAYS: how long processed pushes and finished sends stay in the inbox and outbox; absent: DEFAULT_QUEUE_RETENTION_DAYS. */
  queueRetentionDays?: number;
  /** KEFU_WEB_DIR, else the caller's default: the directory of the built web app served at /app/. */
  webDir?: string;
  /** KEFU_NODE_NAME; absent: the composition root names the node after its host and pid. */
  nodeName?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Defaults that depend on where the server runs (main.ts knows: beside its bundle). */
export interface ConfigDefaults {
  webDir?: string;
}

export function readConfig(env: Record<string, string | undefined>, defaults: ConfigDefaults = {}): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  if ((e.KEFU_ADMIN_USER === undefined) !== (e.KEFU_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('invalid configuration: KEFU_ADMIN_USER and KEFU_ADMIN_PASSWORD go together');
  }
  if (e.KEFU_SIMULATOR === '1' && e.NODE_ENV === 'production') {
    // The simulator lets an admin speak as any customer: a demo tool, never a production one.
    throw new ConfigError('invalid configuration: KEFU_SIMULATOR=1 is refused when NODE_ENV=production');
  }
  if (e.KEFU_TEST_CLOCK === '1' && e.NODE_ENV === 'production') {
    // Anyone who can reach /testing/clock could end every conversation and expire every login.
    throw new ConfigError('invalid configuration: KEFU_TEST_CLOCK=1 is refused when NODE_ENV=production');
  }
  if (e.KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP === '1' && e.NODE_ENV === 'production') {
    // Events carry customers' messages: in production they travel over HTTPS only.
    throw new ConfigError('invalid configuration: KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1 is refused when NODE_ENV=production');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    ...(e.DATABASE_URL !== undefined && { databaseUrl: e.DATABASE_URL }),
    wechatApiBaseUrl: e.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
    ...(e.WECHAT_AUTH_PAGE_BASE_URL !== undefined && { wechatAuthPageBaseUrl: e.WECHAT_AUTH_PAGE_BASE_URL.replace(/\/+$/, '') }),
    ...(e.KEFU_PUBLIC_BASE_URL !== undefined && { publicBaseUrl: e.KEFU_PUBLIC_BASE_URL.replace(/\/+$/, '') }),
    masterKey: e.KEFU_MASTER_KEY,
    ...(e.KEFU_CHANNELS_FILE !== undefined && { channelsFile: e.KEFU_CHANNELS_FILE }),
    ...(e.KEFU_ADMIN_USER !== undefined &&
      e.KEFU_ADMIN_PASSWORD !== undefined && { firstAdmin: { username: e.KEFU_ADMIN_USER, password: e.KEFU_ADMIN_PASSWORD } }),
    ...(e.TRUST_PROXY !== undefined && { trustProxy: e.TRUST_PROXY }),
    ...(e.KEFU_SIMULATOR === '1' && { simulator: true }),
    ...(e.KEFU_TEST_CLOCK === '1' && { testClock: true }),
    ...(e.KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP === '1' && { webhooksAllowLocalHttp: true }),
    ...(e.KEFU_AUDIT_RETENTION_DAYS !== undefined && { auditRetentionDays: e.KEFU_AUDIT_RETENTION_DAYS }),
    ...(e.KEFU_QUEUE_RETENTION_DAYS !== undefined && { queueRetentionDays: e.KEFU_QUEUE_RETENTION_DAYS }),
    ...((e.KEFU_WEB_DIR ?? defaults.webDir) !== undefined && { webDir: e.KEFU_WEB_DIR ?? defaults.webDir }),
    ...(e.KEFU_NODE_NAME !== undefined && { nodeName: e.KEFU_NODE_NAME }),
    logLevel: e.LOG_LEVEL,
  };
}

/** WeChat's own page beside WeChat's own API; an emulator (another API base URL) serves the page too. */
export function authPageBaseUrl(config: Pick<ServerConfig, 'wechatApiBaseUrl' | 'wechatAuthPageBaseUrl'>): string {
  if (config.wechatAuthPageBaseUrl !== undefined) return config.wechatAuthPageBaseUrl;
  return config.wechatApiBaseUrl === 'https://api.weixin.qq.com' ? 'https://mp.weixin.qq.com' : config.wechatApiBaseUrl;
}
