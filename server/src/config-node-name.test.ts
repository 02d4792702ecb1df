// KEFU_NODE_NAME names this process among the nodes sharing one database; absent, the composition root
// names it after its host and process id.
import { ConfigError, readConfig } from './config';

const base = { KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('KEFU_NODE_NAME', () => {
  it('is read as given, and absent by default', () => {
    expect(readConfig({ ...base, KEFU_NODE_NAME: 'web-2' }).nodeName).toBe('web-2');
    expect(readConfig(base).nodeName).toBeUndefined();
  });

  it('an empty name is refused', () => {
    expect(() => readConfig({ ...base, KEFU_NODE_NAME: '' })).toThrow(ConfigError);
  });
});
