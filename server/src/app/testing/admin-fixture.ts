// Test support (no tests here): the admin stories' dependencies over the in-memory engine, channel store
// and auth stores, with an AuthService whose hashing and minting are readable fakes (no node:crypto).
import type { AdminDeps } from '../admin/admin-deps';
import { AuthService } from '../auth/auth-service';
import type { PasswordHasher, SecretMinter } from '../../core/ports/credentials';
import type { ChannelRecord } from '../../core/ports/channel-store';
import { inMemoryAuthStores } from '../../storage/testing/auth-in-memory';
import { InMemoryChannelStore } from '../../storage/testing/in-memory-channel-store';
import { CHANNEL, engineFixture, type EngineFixture } from './engine-fixture';

/** `plain:<password>`: enough to tell a right password from a wrong one. */
export const fakePasswords: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (p, stored) => stored === `plain:${p}`,
  burn: async () => false,
};

/** prefix + a counter, hashed by a readable prefix. */
export function fakeSecrets(): SecretMinter {
  let n = 0;
  return { mint: (prefix) => `${prefix}${++n}`, hash: (secret) => `hash:${secret}` };
}

export const CHANNEL_RECORD: ChannelRecord = {
  id: CHANNEL,
  name: 'Shop',
  kind: 'miniprogram',
  appId: 'wx1234567890abcdef',
  originalId: 'gh_123456789abc',
  mode: 'plaintext',
  format: 'json',
  tokenSource: 'stable',
  appSecret: 'secret01',
  token: 'token01',
  createdAt: 1,
  updatedAt: 1,
};

export interface AdminFixture {
  engine: EngineFixture;
  admin: AdminDeps;
  channels: InMemoryChannelStore;
}

/** Channel ch1 with merchants m1 (code shop-1) and m2 (shop-2). */
export async function adminFixture(): Promise<AdminFixture> {
  const engine = engineFixture();
  const channels = new InMemoryChannelStore();
  await channels.save(CHANNEL_RECORD);
  await engine.merchant('m1', 'shop-1');
  await engine.merchant('m2', 'shop-2');
  const deps = { uow: engine.deps.uow, clock: engine.clock, ids: engine.deps.ids };
  const auth = new AuthService({ ...deps, stores: inMemoryAuthStores(), passwords: fakePasswords, secrets: fakeSecrets() });
  return { engine, channels, admin: { ...deps, channels, auth } };
}
