// Ids sort byte by byte, as in SQLite and the in-memory reference, whatever the database's collation
// (the test databases default to ICU's en-US, where 'a' sorts before 'B').
import { customer, inbound } from '../testing/contract-fixture';
import { PgUnitOfWork } from './pg-unit-of-work';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();

describe('PostgreSQL ordering', () => {
  it('the database collates by language, the tables by byte', async () => {
    const { rows } = await db.pool().query<{ language: boolean }>("SELECT 'a' < 'B' AS language");
    expect(rows[0]?.language).toBe(true);
    const uow = new PgUnitOfWork(db.pool());
    await uow.run(async (tx) => {
      for (const id of ['a', 'B', 'b', 'A']) await tx.merchants.save({ id, channelId: 'ch1', code: id, name: id });
      await tx.customers.save(customer('cu1'));
      for (const id of ['m-a', 'm-B']) await tx.messages.add(inbound(id, { conversationId: 'cv1', createdAt: 1000 }));
    });
    await expect(uow.run((tx) => tx.merchants.listByChannel('ch1')).then((ms) => ms.map((m) => m.id))).resolves.toEqual([
      'A',
      'B',
      'a',
      'b',
    ]);
    await expect(uow.run((tx) => tx.messages.listByConversation('cv1')).then((ms) => ms.map((m) => m.id))).resolves.toEqual(['m-B', 'm-a']);
  });
});
