// The sender's statements must wait for an open unit of work instead of joining its transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { item } from './contract/outbox-store-contract';
import { openDatabase } from './database';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SerialQueue } from './serial-lock';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-serial-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('a statement issued while a unit is open runs after it, and survives its rollback', async () => {
  const db = openDatabase(join(dir, 's.db'));
  const uow = new SqliteUnitOfWork(db);
  const outbox = new SqliteOutboxStore(db);
  await uow.run((tx) => tx.outbox.enqueue(item('a')));
  await outbox.claimDue(1000, 10);

  let markSent: Promise<void> = Promise.resolve();
  const failing = uow.run(async (tx) => {
    await tx.outbox.enqueue(item('b'));
    markSent = outbox.markSent('a', 1500); // the sender reports while the unit waits on the event loop
    await new Promise((r) => setImmediate(r));
    throw new Error('unit fails');
  });
  await expect(failing).rejects.toThrow('unit fails');
  await markSent;
  await expect(outbox.get('a')).resolves.toMatchObject({ status: 'sent' });
  await expect(outbox.get('b')).resolves.toBeUndefined();
  db.close();
});

describe('the two lanes', () => {
  it('work queued with runFirst goes ahead of work still waiting, never ahead of the work running', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let release = () => {};
    const running = queue.run(async () => {
      order.push('unit starts');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('unit ends');
    });
    await new Promise((resolve) => setImmediate(resolve)); // the unit has started
    const routing = queue.run(() => order.push('routing'));
    const sending = queue.run(() => order.push('sending'));
    const commit = queue.runFirst(() => order.push('inbox commit'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['unit starts']); // nothing overtakes the work running
    release();
    await Promise.all([running, routing, sending, commit]);
    expect(order).toEqual(['unit starts', 'unit ends', 'inbox commit', 'routing', 'sending']);
  });

  it('passes results and errors through in both lanes, and a failure stops neither', async () => {
    const queue = new SerialQueue();
    const failing = queue.runFirst(() => {
      throw new Error('first fails');
    });
    const after = queue.run(() => 'rest runs');
    await expect(failing).rejects.toThrow('first fails');
    await expect(after).resolves.toBe('rest runs');
    await expect(queue.runFirst(async () => 7)).resolves.toBe(7);
  });
});
