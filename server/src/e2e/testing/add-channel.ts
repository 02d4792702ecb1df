// Test support: another channel on a running stack, known to the server and to the WeChat emulator (which
// pushes its customers' messages) like the stack's own.
import { CHANNEL, type Stack } from './stack';

/** A second channel, known to the server and to the emulator (which pushes its customers' messages). */
export async function addChannel(stack: Stack, c: { id: string; appId: string; originalId: string; name?: string }): Promise<void> {
  const secret = `${c.id}-app-secret-01`;
  const token = `${c.id}Token`;
  const encodingAesKey = CHANNEL.encodingAesKey;
  const now = Date.now();
  await stack.server.storage.channels.save({
    id: c.id,
    name: c.name ?? c.id,
    kind: 'miniprogram',
    appId: c.appId,
    appSecret: secret,
    originalId: c.originalId,
    token,
    encodingAesKey,
    mode: 'secure',
    format: 'xml',
    tokenSource: 'stable',
    createdAt: now,
    updatedAt: now,
  });
  await stack.emulator.admin('/apps', {
    appId: c.appId,
    secret,
    kind: 'miniprogram',
    originalId: c.originalId,
    pushUrl: `${stack.baseUrl}/wechat/${c.id}`,
    token,
    encodingAesKey,
    mode: 'secure',
    format: 'xml',
  });
}
