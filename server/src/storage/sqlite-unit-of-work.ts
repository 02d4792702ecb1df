// SQLite adapter of UnitOfWork: each run is one BEGIN IMMEDIATE … COMMIT (ROLLBACK when the unit
// throws), and units run one after another through the connection's serial queue. IMMEDIATE takes the
// write lock at the start, so a unit never fails half-way on SQLITE_BUSY against another process.
// Repositories and their prepared statements are built once and shared by every unit, and so are their
// read caches: unit-cache.ts (opened when a unit or savepoint starts, emptied when it ends either way;
// what its repositories hold back is flushed before COMMIT and RELEASE)
// and config-cache.ts (agents, groups, calendars, settings, kept across units until something changes).
import type { Database, Statement } from 'better-sqlite3';
import type { Transaction, UnitOfWork } from '../core/ports/unit-of-work';
import { SqliteConversations } from './sqlite-conversations';
import { SqliteCustomers } from './sqlite-customers';
import { SqliteNotes, SqliteTags } from './sqlite-desk';
import { SqliteMerchants, SqliteSettings } from './sqlite-merchants-settings';
import { SqliteMessages } from './sqlite-messages';
import { SqliteOutbox } from './sqlite-outbox';
import { SqliteReferences } from './sqlite-references';
import { SqliteWebhookOutbox } from './sqlite-webhook-store';
import { SqliteAuditWriter } from './sqlite-audit-log';
import { SqliteAgents, SqliteCalendars, SqliteSkillGroups } from './sqlite-scoped-records';
import { serialFor, type SerialQueue } from './serial-lock';
import { ConfigCache } from './config-cache';
import { UnitCache } from './unit-cache';

/** The repositories over `db`; they cache nothing unless whoever runs the units opens the caches. */
export function sqliteTransaction(db: Database, cache: UnitCache = new UnitCache(), config: ConfigCache = new ConfigCache()): Transaction {
  return {
    customers: new SqliteCustomers(db, cache),
    conversations: new SqliteConversations(db, cache),
    messages: new SqliteMessages(db, cache),
    agents: new SqliteAgents(db, config),
    groups: new SqliteSkillGroups(db, config),
    calendars: new SqliteCalendars(db, config),
    settings: new SqliteSettings(db, config),
    merchants: new SqliteMerchants(db),
    notes: new SqliteNotes(db),
    tags: new SqliteTags(db),
    references: new SqliteReferences(db),
    outbox: new SqliteOutbox(db),
    webhooks: new SqliteWebhookOutbox(db),
    audit: new SqliteAuditWriter(db),
  };
}

export class SqliteUnitOfWork implements UnitOfWork {
  private readonly queue: SerialQueue;
  private readonly cache = new UnitCache();
  private readonly config: ConfigCache;
  private readonly tx: Transaction;
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;

  constructor(private readonly db: Database) {
    this.queue = serialFor(db);
    this.config = new ConfigCache(db);
    this.tx = sqliteTransaction(db, this.cache, this.config);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    this.savepoint = db.prepare('SAVEPOINT unit');
    this.release = db.prepare('RELEASE unit');
    this.rollbackTo = db.prepare('ROLLBACK TO unit');
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.queue.run(() => this.runNow(work));
  }

  /**
   * Runs `body` in one transaction. The unit of work handed to it makes each of its units a savepoint:
   * each stays atomic (a failing one rolls back alone), and the batch pays for one commit instead of one
   * per unit. The body runs its units one after another; anyone else's units wait in the queue. Once the
   * batch is over, the scoped unit of work falls back to the queue, so a late caller never lands in a
   * finished transaction. Keep batches short: they hold the database.
   */
  batch<T>(body: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      let open = true;
      const scoped: UnitOfWork = { run: (work) => (open ? this.runSavepoint(work) : this.run(work)) };
      try {
        return await this.runNow(() => body(scoped));
      } finally {
        open = false;
      }
    });
  }

  /** Each savepoint is a unit of its own for the cache: what a rolled-back one wrote is never served. */
  private async runSavepoint<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.cache.flush(); // held before the savepoint: written outside it, so its rollback cannot undo them
    this.savepoint.run();
    this.cache.begin();
    try {
      const result = await work(this.tx);
      this.cache.flush();
      this.release.run();
      return result;
    } catch (error) {
      this.rollbackTo.run();
      this.release.run();
      this.config.rolledBack();
      throw error;
    } finally {
      this.cache.end();
    }
  }

  private async runNow<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.begin.run();
    this.cache.begin();
    this.config.began();
    try {
      const result = await work(this.tx);
      this.cache.flush();
      this.commit.run();
      return result;
    } catch (error) {
      // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); ROLLBACK then would throw.
      if (this.db.inTransaction) this.rollback.run();
      this.config.rolledBack();
      throw error;
    } finally {
      this.cache.end();
      this.config.ended();
    }
  }
}
