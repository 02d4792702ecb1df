// A UnitOfWork in memory: units run one at a time; a unit that throws leaves no trace (the tables are
// restored from a copy taken when it started). Tests read `data` directly to assert.
import type { Transaction, UnitOfWork } from '../ports/unit-of-work';
import { copy, emptyData, type InMemoryData } from './in-memory-data';
import { inMemoryTransaction } from './in-memory-repositories';

export class InMemoryStore implements UnitOfWork {
  data: InMemoryData = emptyData();
  /** How many units committed; lets tests check that a refusal wrote nothing. */
  commits = 0;
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.runNow(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Direct access for arranging a test, outside any unit. */
  get tx(): Transaction {
    return inMemoryTransaction(this.data);
  }

  private async runNow<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const before = copy(this.data);
    try {
      const result = await work(inMemoryTransaction(this.data));
      this.commits += 1;
      return result;
    } catch (error) {
      this.data = before;
      throw error;
    }
  }
}
