// What only a real file shows: the outbox survives closing and reopening, and two connections (two
// processes) never claim the same item. The shared behaviour is in contract/outbox-store-contract.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { item } from './contract/outbox-store-contract';
import { openDatabase } from './database';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-outbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LEASE = 10_000;

function open(file: string, owner?: string) {
  const db = openDatabase(file);
  return {
    db,
    uow: new SqliteUnitOfWork(db),
    outbox: new SqliteOutboxStore(db, { leaseMs: LEASE, ...(owner !== undefined && { owner }) }),
  };
}

describe('SqliteOutboxStore on a file', () => {
  it('resumes after a restart: unclaimed items at once, a dead sender’s claims after the lease', async () => {
    const file = join(dir, 'o.db');
    const first = open(file);
    await first.uow.run(async (tx) => {
      for (const id of ['a', 'b', 'c']) await tx.outbox.enqueue(item(id));
    });
    await first.outbox.claimDue(1000, 1); // 'a' claimed, then the process dies before reporting
    first.db.close();

    const second = open(file);
    await expect(second.outbox.claimDue(2000, 10).then((l) => l.map((i) => i.id))).resolves.toEqual(['b', 'c']);
    await expect(second.outbox.claimDue(1000 + LEASE, 10)).resolves.toMatchObject([{ id: 'a', attempts: 2, content: item('a').content }]);
    await second.outbox.markSent('a', 1000 + LEASE);
    second.db.close();

    const third = open(file);
    await expect(third.outbox.get('a')).resolves.toMatchObject({ status: 'sent' });
    third.db.close();
  });

  it('two connections to one file never claim the same item', async () => {
    const file = join(dir, 'o.db');
    const one = open(file);
    const two = open(file);
    await one.uow.run(async (tx) => {
      for (let i = 0; i < 50; i += 1) await tx.outbox.enqueue(item(`i${String(i).padStart(2, '0')}`));
    });
    const claimed: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const [x, y] = await Promise.all([one.outbox.claimDue(1000, 4), two.outbox.claimDue(1000, 3)]);
      claimed.push(...x.map((i) => i.id), ...y.map((i) => i.id));
    }
    expect(claimed).toHaveLength(50);
    expect(new Set(claimed).size).toBe(50);
    one.db.close();
    two.db.close();
  });

  it('two live processes never send one item: only the owner renews its lease, the other waits for it', async () => {
    const file = join(dir, 'o.db');
    const one = open(file, 'node-a#1');
    const two = open(file, 'node-b#1');
    await one.uow.run((tx) => tx.outbox.enqueue(item('a')));
    await expect(one.outbox.claimDue(1000, 10).then((l) => l.map((i) => i.id))).resolves.toEqual(['a']);
    // The send is slow (WeChat takes its time): the owner renews, so the other process never gets the item.
    for (let t = 1000; t < 1000 + 5 * LEASE; t += LEASE / 2) {
      await expect(one.outbox.renewLeases(['a'], t)).resolves.toEqual(['a']);
      await expect(two.outbox.renewLeases(['a'], t)).resolves.toEqual([]);
      await expect(two.outbox.claimDue(t, 10)).resolves.toEqual([]);
    }
    // The owner dies: one lease later the other process resumes it, in doubt (it may have reached WeChat).
    const last = 1000 + 5 * LEASE - LEASE / 2;
    await expect(two.outbox.claimDue(last + LEASE, 10)).resolves.toMatchObject([{ id: 'a', inDoubt: true }]);
    await expect(one.outbox.renewLeases(['a'], last + LEASE)).resolves.toEqual([]);
    one.db.close();
    two.db.close();
  });

  it('a process starting on the file resumes a dead predecessor’s sends at once, in doubt, and leaves a live one’s alone', async () => {
    const file = join(dir, 'o.db');
    const dead = open(file, 'host#111#dead');
    const alive = open(file, 'host#222#alive');
    await dead.uow.run(async (tx) => {
      await tx.outbox.enqueue(item('a', { toOpenid: 'o1' }));
      await tx.outbox.enqueue(item('b', { toOpenid: 'o2' }));
    });
    await dead.outbox.claimDue(1000, 1); // 'a': then the process dies mid-send
    await alive.outbox.claimDue(1000, 1); // 'b': in flight in a live process
    dead.db.close();
    const next = open(file, 'host#333#next');
    const judged: string[] = [];
    const released = await next.outbox.releaseClaimsOf((owner) => {
      judged.push(owner);
      return owner === 'host#111#dead';
    }, 2000);
    expect(released).toBe(1);
    expect(judged.sort()).toEqual(['host#111#dead', 'host#222#alive']);
    await expect(next.outbox.claimDue(2000, 10)).resolves.toMatchObject([{ id: 'a', inDoubt: true, attempts: 2 }]);
    alive.db.close();
    next.db.close();
  });
});
