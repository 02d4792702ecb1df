// SQLite adapter of UnitOfWork: each run is one BEGIN IMMEDIATE … COMMIT (ROLLBACK when the unit
// throws), and units run one after another through the connection's serial queue. IMMEDIATE takes the
// write lock at the start, so a unit never fails half-way on SQLITE_BUSY against another process.
// Repositories and their prepared statements are built once and shared by every unit.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Statement } from 'better-sqlite3';
import type { Transaction, UnitOfWork } from '../core/ports/unit-of-work';
import { SqliteConversations } from './sqlite-conversations';
import { SqliteCustomers } from './sqlite-customers';
import { SqliteMerchants, SqliteSettings } from './sqlite-merchants-settings';
import { SqliteMessages } from './sqlite-messages';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteAgents, SqliteCalendars, SqliteSkillGroups } from './sqlite-scoped-records';
import { serialFor, type SerialQueue } from './serial-lock';

export function sqliteTransaction(db: Database): Transaction {
  return {
    customers: new SqliteCustomers(db),
    conversations: new SqliteConversations(db),
    messages: new SqliteMessages(db),
    agents: new SqliteAgents(db),
    groups: new SqliteSkillGroups(db),
    calendars: new SqliteCalendars(db),
    settings: new SqliteSettings(db),
    merchants: new SqliteMerchants(db),
    outbox: new SqliteOutbox(db),
  };
}

export class SqliteUnitOfWork implements UnitOfWork {
  private readonly queue: SerialQueue;
  private readonly tx: Transaction;
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;
  /**
   * Set inside batch(): the units its body runs become savepoints of its transaction. Async work started
   * from the body inherits the marker, so it is switched off when the batch ends: a unit that runs later
   * (a wake-up the body scheduled) must take the queue, not a savepoint of a finished transaction.
   * Work that runs *during* the batch must not be started from its body (compose.ts detaches it).
   */
  private readonly inBatch = new AsyncLocalStorage<{ active: boolean }>();

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
    this.tx = sqliteTransaction(db);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT unit');
    this.release = db.prepare('RELEASE unit');
    this.rollbackTo = db.prepare('ROLLBACK TO unit');
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.inBatch.getStore()?.active) return this.runSavepoint(work);
    return this.queue.run(() => this.runNow(work));
  }

  /**
   * Runs `body` in one transaction in which every unit it starts is a savepoint: each unit stays atomic
   * (a failing one rolls back alone), and the batch pays for one commit instead of one per unit. Units
   * started by anyone else wait in the queue as usual. Keep batches short: they hold the database.
   */
  batch<T>(body: () => Promise<T>): Promise<T> {
    return this.queue.run(() => {
      const marker = { active: true };
      return this.inBatch.run(marker, () => this.runNow(() => body())).finally(() => {
        marker.active = false;
      });
    });
  }

  private async runSavepoint<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.savepoint.run();
    try {
      const result = await work(this.tx);
      this.release.run();
      return result;
    } catch (error) {
      this.rollbackTo.run();
      this.release.run();
      throw error;
    }
  }

  private async runNow<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.begin.run();
    try {
      const result = await work(this.tx);
      this.commit.run();
      return result;
    } catch (error) {
      // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); ROLLBACK then would throw.
      if (this.db.inTransaction) this.rollback.run();
      throw error;
    }
  }
}
