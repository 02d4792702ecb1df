// The server's configuration, from environment variables only (documented in the README). Read once by
// main.ts; nothing else looks at process.env.
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  WECHAT_API_BASE_URL: z.url().default('https://api.weixin.qq.com'),
  /** JSON file with the channels (until channels are managed in the database). */
  KEFU_CHANNELS_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  wechatApiBaseUrl: string;
  channelsFile?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    wechatApiBaseUrl: e.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
    ...(e.KEFU_CHANNELS_FILE !== undefined && { channelsFile: e.KEFU_CHANNELS_FILE }),
    logLevel: e.LOG_LEVEL,
  };
}
