// The behaviour every ChannelStore must show: the SQLite store (which seals the secrets) and the
// in-memory one tests use (storage/testing/in-memory-channel-store.ts).
import type { ChannelRecord } from '../../core/ports/channel-store';
import { type OpenSubject, useSubject } from '../testing/contract-fixture';

export const SECRETS = {
  appSecret: 'S3cretAppSecretValue0001',
  token: 'PushTokenValue42',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  unionIdKey: 'UnionIdKeyValue-7f3a',
};

/** The push secrets before a change, kept for its grace period: sealed like the current ones. */
export const PREVIOUS_SECRETS = { token: 'OldPushToken77', encodingAesKey: 'OLDKEYoldkeyOLDKEYoldkeyOLDKEYoldkeyOLDKEYo' };

export function channel(id: string, over: Partial<ChannelRecord> = {}): ChannelRecord {
  return {
    id,
    name: `Shop ${id}`,
    kind: 'miniprogram',
    appId: 'wx1234567890',
    originalId: 'gh_abc',
    mode: 'secure',
    format: 'json',
    tokenSource: 'stable',
    createdAt: 1,
    updatedAt: 2,
    ...SECRETS,
    previous: { ...PREVIOUS_SECRETS, mode: 'plaintext', until: 3 },
    graceSeconds: 600,
    replayWindowSeconds: 300,
    ...over,
  };
}

export function channelStoreContract(open: OpenSubject): void {
  const { subject } = useSubject(open);

  it('keeps channels whole, lists them by id, replaces and deletes', async () => {
    const store = subject().channels;
    const {
      encodingAesKey: _e,
      unionIdKey: _u,
      ...plain
    } = channel('b', { mode: 'plaintext', kind: 'official_account', format: 'xml', tokenSource: 'basic' });
    await store.save(channel('c'));
    await store.save(plain);
    await expect(store.get('c')).resolves.toStrictEqual(channel('c'));
    await expect(store.get('b')).resolves.toStrictEqual(plain);
    await expect(store.list().then((l) => l.map((c) => c.id))).resolves.toEqual(['b', 'c']);
    await store.save(channel('c', { name: 'renamed', token: 'NewToken', updatedAt: 9 }));
    await expect(store.get('c')).resolves.toMatchObject({ name: 'renamed', token: 'NewToken', updatedAt: 9, appSecret: SECRETS.appSecret });
    await expect(store.delete('c')).resolves.toBe(true);
    await expect(store.delete('c')).resolves.toBe(false);
    await expect(store.get('c')).resolves.toBeUndefined();
  });

  it('keeps WeChat’s activity apart from saves: recordActivity sets it, a save keeps it', async () => {
    const store = subject().channels;
    await store.save(channel('a'));
    await store.recordActivity('a', 'verified', 10);
    await store.recordActivity('a', 'push', 20);
    await store.recordActivity('gone', 'push', 30);
    await store.save(channel('a', { name: 'renamed' }));
    await expect(store.get('a')).resolves.toMatchObject({ name: 'renamed', lastVerifiedAt: 10, lastPushAt: 20 });
    await expect(store.get('gone')).resolves.toBeUndefined();
    const { previous: _p, ...ended } = channel('a');
    await store.save(ended);
    await expect(store.get('a').then((c) => c?.previous)).resolves.toBeUndefined();
  });

  it('raises a channel’s revision with every save, never with WeChat’s activity; none for a missing channel', async () => {
    const store = subject().channels;
    await expect(store.revision('a')).resolves.toBeUndefined();
    await store.save(channel('a'));
    const first = await store.revision('a');
    expect(first).toEqual(expect.any(Number));
    await store.recordActivity('a', 'push', 20);
    await expect(store.revision('a')).resolves.toBe(first);
    await store.save(channel('a', { token: 'RotatedToken' }));
    const second = await store.revision('a');
    expect(second).not.toBe(first);
    await store.save(channel('a', { token: 'RotatedToken' }));
    await expect(store.revision('a')).resolves.not.toBe(second);
    await store.delete('a');
    await expect(store.revision('a')).resolves.toBeUndefined();
  });
}
