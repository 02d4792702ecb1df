// SQLite adapter of CustomerRepository.
import type { Database, Statement } from 'better-sqlite3';
import type { Customer } from '../core/model/customer';
import type { CustomerRepository } from '../core/ports/repositories';
import { parseJson, restAsJson } from './record-codec';

interface Row {
  id: string;
  channel_id: string;
  openid: string;
  data: string;
}

const COLUMNS = ['id', 'channelId', 'openid'] as const;

function fromRow(row: Row | undefined): Customer | undefined {
  if (!row) return undefined;
  return { id: row.id, channelId: row.channel_id, openid: row.openid, ...parseJson<Omit<Customer, (typeof COLUMNS)[number]>>(row.data) };
}

export class SqliteCustomers implements CustomerRepository {
  private readonly byId: Statement<[string], Row>;
  private readonly byOpenid: Statement<[string, string], Row>;
  private readonly upsert: Statement<[Row]>;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT * FROM customers WHERE id = ?');
    this.byOpenid = db.prepare('SELECT * FROM customers WHERE channel_id = ? AND openid = ?');
    // ON CONFLICT (id), not INSERT OR REPLACE: a clash on (channel_id, openid) with another id must fail,
    // not silently delete the other customer.
    this.upsert = db.prepare(
      `INSERT INTO customers (id, channel_id, openid, data) VALUES (@id, @channel_id, @openid, @data)
       ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, openid = excluded.openid, data = excluded.data`,
    );
  }

  async get(id: string): Promise<Customer | undefined> {
    return fromRow(this.byId.get(id));
  }

  async findByOpenid(channelId: string, openid: string): Promise<Customer | undefined> {
    return fromRow(this.byOpenid.get(channelId, openid));
  }

  async save(c: Customer): Promise<void> {
    this.upsert.run({ id: c.id, channel_id: c.channelId, openid: c.openid, data: restAsJson(c, COLUMNS) });
  }
}
