// KEFU_PUBLIC_BASE_URL: where WeChat reaches this server; the channel page shows push URLs on it instead of
// the browser's own address.
import { ConfigError, readConfig } from './config';

const base = { KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('KEFU_PUBLIC_BASE_URL', () => {
  it('is read without a trailing slash, and absent by default', () => {
    expect(readConfig({ ...base, KEFU_PUBLIC_BASE_URL: 'https://kefu.example.com/' }).publicBaseUrl).toBe('https://kefu.example.com');
    expect(readConfig(base).publicBaseUrl).toBeUndefined();
  });

  it('a value that is not a URL is refused', () => {
    expect(() => readConfig({ ...base, KEFU_PUBLIC_BASE_URL: 'kefu.example.com' })).toThrow(ConfigError);
  });
});
