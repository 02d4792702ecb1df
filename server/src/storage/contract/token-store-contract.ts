// The behaviour every TokenStore must show: the SQLite store and the in-memory one the outbound WeChat
// tests use (storage/testing/in-memory-token-store.ts). Keeping a token across a restart is SQLite's own
// test (sqlite-token-store.test.ts).
import type { StoredToken } from '../../core/ports/token-store';
import { type OpenSubject, useSubject } from '../testing/contract-fixture';

const token: StoredToken = { appId: 'wx1', source: 'stable', token: 'T1', obtainedAt: 1000, expiresAt: 7_201_000 };

export function tokenStoreContract(open: OpenSubject): void {
  const { subject } = useSubject(open);

  it('keeps one token per app and source', async () => {
    const store = subject().tokens;
    await store.save(token);
    await store.save({ ...token, source: 'basic', token: 'B1' });
    await expect(store.load('wx1', 'stable')).resolves.toEqual(token);
    await expect(store.load('wx1', 'basic')).resolves.toMatchObject({ token: 'B1' });
    await expect(store.load('wx2', 'stable')).resolves.toBeUndefined();
  });

  it('replaces the token of the same app and source', async () => {
    const store = subject().tokens;
    await store.save(token);
    await store.save({ ...token, token: 'T2', obtainedAt: 2000 });
    await expect(store.load('wx1', 'stable')).resolves.toMatchObject({ token: 'T2', obtainedAt: 2000 });
  });

  it('discards only the token it was told about', async () => {
    const store = subject().tokens;
    await store.save({ ...token, token: 'NEWER' });
    await store.discard('wx1', 'stable', 'T1');
    await expect(store.load('wx1', 'stable')).resolves.toMatchObject({ token: 'NEWER' });
    await store.discard('wx1', 'stable', 'NEWER');
    await expect(store.load('wx1', 'stable')).resolves.toBeUndefined();
  });

  it('keeps the open platform’s component and authorizer tokens beside a channel’s', async () => {
    const store = subject().tokens;
    await store.save(token);
    await store.save({ ...token, source: 'component', token: 'C1' });
    await store.save({ ...token, source: 'authorizer', token: 'A1' });
    await expect(store.load('wx1', 'component')).resolves.toMatchObject({ token: 'C1' });
    await expect(store.load('wx1', 'authorizer')).resolves.toMatchObject({ token: 'A1' });
    await expect(store.load('wx1', 'stable')).resolves.toEqual(token);
  });
}
