import type { ChannelRecord } from '../core/ports/channel-store';
import { ManualClock } from '../core/testing/test-doubles';
import { CachedChannelDirectory } from './cached-channel-directory';
import { InMemoryChannelStore } from './testing/in-memory-channel-store';

const channel = (id: string, name = id): ChannelRecord => ({
  id,
  name,
  kind: 'miniprogram',
  appId: 'wx1',
  originalId: 'gh_1',
  token: 'tok',
  mode: 'plaintext',
  format: 'json',
  appSecret: 'sec',
  tokenSource: 'stable',
  createdAt: 1,
  updatedAt: 1,
});

function setup() {
  const store = new InMemoryChannelStore();
  const gets = jest.spyOn(store, 'get');
  const clock = new ManualClock(0);
  const directory = new CachedChannelDirectory(store, { clock, ttlMs: 1000 });
  return { store, gets, clock, directory };
}

describe('CachedChannelDirectory', () => {
  it('reads the store once for repeated finds', async () => {
    const { store, gets, directory } = setup();
    await store.save(channel('a'));
    await expect(directory.find('a')).resolves.toMatchObject({ id: 'a', token: 'tok' });
    await directory.find('a');
    await directory.find('a');
    expect(gets).toHaveBeenCalledTimes(1);
  });

  it('serves a saved or deleted channel fresh at once', async () => {
    const { directory } = setup();
    await directory.save(channel('a', 'first'));
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'first' });
    await directory.save(channel('a', 'second'));
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'second' });
    await expect(directory.delete('a')).resolves.toBe(true);
    await expect(directory.find('a')).resolves.toBeUndefined();
  });

  it('sees a change made by another process after the ttl', async () => {
    const { store, clock, directory } = setup();
    await store.save(channel('a', 'first'));
    await directory.find('a');
    await store.save(channel('a', 'by the CLI'));
    clock.set(999);
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'first' });
    clock.set(1000);
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'by the CLI' });
  });

  it('does not cache unknown ids (a flood of bogus ids costs no memory)', async () => {
    const { store, gets, directory } = setup();
    await expect(directory.find('x')).resolves.toBeUndefined();
    await store.save(channel('x'));
    await expect(directory.find('x')).resolves.toMatchObject({ id: 'x' });
    expect(gets).toHaveBeenCalledTimes(2);
  });

  it('hands out frozen records, so one caller cannot change another’s', async () => {
    const { directory } = setup();
    await directory.save(channel('a'));
    const found = await directory.findRecord('a');
    expect(Object.isFrozen(found)).toBe(true);
  });

  it('does not cache a read that a write overtook', async () => {
    const { store, directory } = setup();
    await store.save(channel('a', 'old'));
    let release: () => void = () => undefined;
    const realGet = store.get.bind(store);
    jest.spyOn(store, 'get').mockImplementationOnce(async (id) => {
      const value = await realGet(id);
      await new Promise<void>((r) => (release = r));
      return value;
    });
    const slowRead = directory.findRecord('a');
    await new Promise((r) => setImmediate(r));
    await directory.save(channel('a', 'new'));
    release();
    await expect(slowRead).resolves.toMatchObject({ name: 'old' });
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'new' });
  });

  it('writes WeChat’s activity at most once a minute per channel and kind, and again at once after a change', async () => {
    const { store, directory } = setup();
    await store.save(channel('a'));
    const writes = jest.spyOn(store, 'recordActivity');
    for (let i = 0; i < 100; i += 1) directory.noteActivity('a', 'push', 1000 + i);
    directory.noteActivity('a', 'verified', 1000);
    directory.noteActivity('a', 'push', 60_999);
    directory.noteActivity('a', 'push', 61_000);
    expect(writes.mock.calls).toEqual([
      ['a', 'push', 1000],
      ['a', 'verified', 1000],
      ['a', 'push', 61_000],
    ]);
    await directory.save(channel('a', 'changed'));
    directory.noteActivity('a', 'verified', 62_000);
    expect(writes).toHaveBeenLastCalledWith('a', 'verified', 62_000);
    await new Promise((r) => setImmediate(r));
    await expect(store.get('a')).resolves.toMatchObject({ lastPushAt: 61_000, lastVerifiedAt: 62_000 });
  });

  it('a failed activity write does not throw into the push path, and is tried again next time', async () => {
    const { store, directory } = setup();
    const writes = jest.spyOn(store, 'recordActivity').mockRejectedValueOnce(new Error('database is closed'));
    directory.noteActivity('a', 'push', 1);
    await new Promise((r) => setImmediate(r));
    directory.noteActivity('a', 'push', 2);
    expect(writes).toHaveBeenCalledTimes(2);
  });
});
