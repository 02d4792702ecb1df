// The sender's statements must wait for an open unit of work instead of joining its transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { item } from './contract/outbox-store-contract';
import { openDatabase } from './database';
import { SqliteOutboxStore } from './sqlite-outbox';
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
