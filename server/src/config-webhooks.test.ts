// KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP: webhook endpoints on plain http to this machine, for tests and development only.
import { ConfigError, readConfig } from './config';

const BASE = { KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

it('is off unless set to 1, and refused in production', () => {
  expect(readConfig(BASE).webhooksAllowLocalHttp).toBeUndefined();
  expect(readConfig({ ...BASE, KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP: '1' }).webhooksAllowLocalHttp).toBe(true);
  expect(() => readConfig({ ...BASE, KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
});
