// Command-line and environment settings of the emulator server (main.ts).
import { parseArgs } from 'node:util';

export interface EmulatorSettings {
  port: number;
  host: string;
  /** JSON file {"apps": [...]} registered at start. */
  configFile?: string;
  help: boolean;
}

export const usage = `WeChat emulator: plays api.weixin.qq.com for the customer-service APIs.

Usage: emulator [--port 9100] [--host 127.0.0.1] [--config apps.json]

  --port, -p    port to listen on (env WECHAT_EMULATOR_PORT, default 9100; 0 = any free port)
  --host        interface to bind (env WECHAT_EMULATOR_HOST, default 127.0.0.1)
  --config, -c  JSON file {"apps":[{appId, secret, kind, originalId, nickName?, pushUrl?, token?,
                encodingAesKey?, mode?, format?}], "openPlatform"?: {componentAppId,
                componentAppSecret, token, encodingAesKey, authEventUrl, messageUrl ($APPID$),
                redirectDomain?, ipWhitelist?}} (env WECHAT_EMULATOR_CONFIG)
  --help, -h    this text

Point the server's WeChat API base URL at http://HOST:PORT. Admin API under /emulator
(apps, clock/advance, faults, records, customers/:openId/messages, open-platform, token-calls),
page at /emulator/; the open platform's authorization page at /cgi-bin/componentloginpage.`;

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export function readSettings(argv: string[], env: NodeJS.ProcessEnv): EmulatorSettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const portText = values.port ?? env.WECHAT_EMULATOR_PORT ?? '9100';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingsError(`invalid port ${portText}`);
  const configFile = values.config ?? env.WECHAT_EMULATOR_CONFIG;
  return {
    port,
    host: values.host ?? env.WECHAT_EMULATOR_HOST ?? '127.0.0.1',
    ...(configFile !== undefined && configFile !== '' && { configFile }),
    help: values.help ?? false,
  };
}
