// The mini programs and official accounts the emulator knows, registered by the admin endpoint or a
// config file. Besides the API credentials, an app has what WeChat needs to push to its server
// (the console's 消息推送配置): URL, Token, EncodingAESKey, mode and format.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EmulatorAdminError } from './errors';

export const appConfigSchema = z
  .object({
    appId: z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/, 'an AppID looks like wx followed by letters and digits'),
    secret: z.string().min(8).max(64),
    kind: z.enum(['miniprogram', 'official_account']),
    originalId: z.string().regex(/^gh_[0-9a-zA-Z]+$/),
    /** The account's name as WeChat shows it (api_get_authorizer_info's nick_name); a made-up one when absent. */
    nickName: z.string().min(1).max(64).optional(),
    pushUrl: z.url().optional(),
    token: z
      .string()
      .regex(/^[A-Za-z0-9]{3,32}$/)
      .optional(),
    encodingAesKey: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/)
      .optional(),
    mode: z.enum(['plaintext', 'compatible', 'secure']).default('plaintext'),
    format: z.enum(['xml', 'json']).default('xml'),
  })
  .refine((a) => a.mode === 'plaintext' || a.encodingAesKey !== undefined, {
    message: 'compatible and secure mode need an encodingAesKey',
  })
  .refine((a) => a.kind === 'miniprogram' || a.format === 'xml', { message: 'official accounts push XML only' });

export type EmulatedApp = z.infer<typeof appConfigSchema>;

/** The emulator's config file: its apps and, optionally, one open platform (see open-platform-config.ts). */
export const configFileSchema = z.object({ apps: z.array(z.unknown()), openPlatform: z.unknown().optional() });

export function parseApp(input: unknown): EmulatedApp {
  const parsed = appConfigSchema.safeParse(input);
  if (!parsed.success) throw new EmulatorAdminError(400, `invalid app: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export class AppRegistry {
  private readonly apps = new Map<string, EmulatedApp>();

  /** Adds or replaces an app; its tokens, windows and media stay as they are. */
  register(app: EmulatedApp): void {
    this.apps.set(app.appId, app);
  }

  find(appId: string): EmulatedApp | undefined {
    return this.apps.get(appId);
  }

  list(): EmulatedApp[] {
    return [...this.apps.values()];
  }
}

/** What the admin API and the page may show: no AppSecret, push Token or AES key. */
export function publicView(app: EmulatedApp) {
  const { secret: _secret, token: _token, encodingAesKey: _key, ...rest } = app;
  return rest;
}

export function loadAppsFile(path: string): EmulatedApp[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw new EmulatorAdminError(400, `${path}: expected {"apps": [...]}`);
  return parsed.data.apps.map(parseApp);
}
