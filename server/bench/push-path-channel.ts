// The channel every server of the push-path benchmark takes pushes for (no benchmark here): a mini
// program in secure mode. Ours holds it twice, as `xml` and `json`; the middleware knows it by its keys.
import type { PushFormat } from '../src/core/channel';
import type { PushTarget } from '../src/wechat/push-client/index';

export const CHANNEL = {
  appId: 'wx52f1b2c0e1d2a3b4',
  appSecret: 'benchSecret01',
  originalId: 'gh_1234567890ab',
  token: 'benchToken',
  encodingAesKey: 'kLq0s9WZ2v3mJ4nB5xC6yD7zE8aF1gH2iJ3kL4mN5oP',
};

export const pushTarget = (url: string, format: PushFormat): PushTarget => ({ url, ...CHANNEL, mode: 'secure', format });
