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
  const revisions = jest.spyOn(store, 'revision');
  const clock = new ManualClock(0);
  const directory = new CachedChannelDirectory(store, { clock, recheckMs: 1000 });
  return { store, gets, revisions, clock, directory };
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

  it('sees a change made by another process (the CLI) within recheckMs, by its revision', async () => {
    const { store, gets, revisions, clock, directory } = setup();
    await store.save(channel('a', 'first'));
    await directory.find('a');
    await store.save(channel('a', 'by the CLI'));
    clock.set(999);
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'first' });
    expect(revisions).toHaveBeenCalledTimes(1);
    clock.set(1000);
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'by the CLI' });
    expect({ revisions: revisions.mock.calls.length, gets: gets.mock.calls.length }).toEqual({ revisions: 2, gets: 2 });
  });

  it('keeps an unchanged channel: one revision read per recheck, WeChat’s activity changes nothing', async () => {
    const { store, gets, revisions, clock, directory } = setup();
    await store.save(channel('a'));
    await directory.find('a');
    await store.recordActivity('a', 'push', 5);
    for (const at of [1000, 1500, 2000, 2999, 3000]) {
      clock.set(at);
      await expect(directory.findRecord('a')).resolves.toMatchObject({ id: 'a' });
    }
    expect({ revisions: revisions.mock.calls.length, gets: gets.mock.calls.length }).toEqual({ revisions: 4, gets: 1 });
  });

  it('a channel deleted elsewhere is gone at the next recheck', async () => {
    const { store, clock, directory } = setup();
    await store.save(channel('a'));
    await directory.find('a');
    await store.delete('a');
    clock.set(1000);
    await expect(directory.find('a')).resolves.toBeUndefined();
  });

  it('changedSince: a refused channel is compared with the store at once, and the newer one handed back', async () => {
    const { store, clock, directory } = setup();
    await store.save(channel('a', 'first'));
    const kept = (await directory.find('a')) as ChannelRecord;
    clock.set(200);
    await expect(directory.changedSince(kept)).resolves.toBeUndefined();
    await store.save(channel('a', 'on another node'));
    clock.set(300);
    await expect(directory.changedSince(kept)).resolves.toMatchObject({ name: 'on another node' });
    // The newer one is kept: the next push is verified with it without asking again.
    await expect(directory.findRecord('a')).resolves.toMatchObject({ name: 'on another node' });
  });

  it('changedSince reads a channel’s revision at most once per 100 ms (a flood of bad signatures)', async () => {
    const { store, revisions, clock, directory } = setup();
    await store.save(channel('a'));
    const kept = (await directory.find('a')) as ChannelRecord;
    for (const at of [10, 50, 99]) {
      clock.set(at);
      await expect(directory.changedSince(kept)).resolves.toBeUndefined();
    }
    expect(revisions).toHaveBeenCalledTimes(1);
    clock.set(100);
    await directory.changedSince(kept);
    expect(revisions).toHaveBeenCalledTimes(2);
  });

  it('does not cache unknown ids (a flood of bogus ids costs no memory)', async () => {
    const { store, revisions, directory } = setup();
    await expect(directory.find('x')).resolves.toBeUndefined();
    await store.save(channel('x'));
    await expect(directory.find('x')).resolves.toMatchObject({ id: 'x' });
    // Only the revision is read for an id that does not exist: no record, no secret opened.
    expect(revisions).toHaveBeenCalledTimes(2);
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
