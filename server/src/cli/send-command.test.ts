// `kefu send` never fetches a token of its own for a channel connected through the open platform: that
// channel has no AppSecret, and its tokens are the server's (api_authorizer_token).
import { InMemoryTokenStore } from '../storage/testing/in-memory-token-store';
import { sendCommand, UsageError } from './send-command';

const channel = {
  id: 'wxmini000000000001',
  name: '小店',
  kind: 'miniprogram' as const,
  appId: 'wxmini000000000001',
  originalId: 'gh_mini00000001',
  appSecret: '',
  token: 'T'.repeat(32),
  encodingAesKey: 'E'.repeat(43),
  mode: 'secure' as const,
  format: 'xml' as const,
  tokenSource: 'stable' as const,
  createdAt: 1,
  updatedAt: 1,
};

it('refuses to send for a channel connected through the open platform, before any call to WeChat', async () => {
  const tokens = new InMemoryTokenStore();
  const run = sendCommand(['--channel', channel.id, '--to', 'oCustomer', '--text', 'hi'], {
    findChannel: async () => channel,
    wechatApiBaseUrl: 'http://127.0.0.1:9', // nothing listens: a call would fail otherwise, not as a usage error
    tokens,
    print: () => undefined,
    viaOpenPlatform: async (id) => id === channel.id,
  });
  await expect(run).rejects.toBeInstanceOf(UsageError);
  await expect(run).rejects.toThrow(/open platform/);
  expect(tokens.tokens.size).toBe(0);
});
