// PostgreSQL adapter of ChannelStore: the rows of channel-row.ts (secrets sealed exactly as on SQLite),
// each call one autocommitted statement. Build it after verifyPgMasterKey (pg-master-key-check.ts) has
// accepted the key; createPostgresStorage does.
import type pg from 'pg';
import type { ChannelActivity } from '../../core/channel';
import type { ChannelRecord, ChannelStore } from '../../core/ports/channel-store';
import { channelFromRow, channelToRow, type ChannelReadRow, type ChannelRow } from '../channel-row';
import type { SecretBox } from '../secret-box';

export class PgChannelStore implements ChannelStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  async list(): Promise<ChannelRecord[]> {
    const { rows } = await this.pool.query<ChannelReadRow>('SELECT * FROM channels ORDER BY id');
    return rows.map((r) => channelFromRow(this.box, r));
  }

  async get(id: string): Promise<ChannelRecord | undefined> {
    const { rows } = await this.pool.query<ChannelReadRow>('SELECT * FROM channels WHERE id = $1', [id]);
    return rows[0] && channelFromRow(this.box, rows[0]);
  }

  /** Every column of the row codec; the activity columns are not among them, so a save keeps them. */
  async save(r: ChannelRecord): Promise<void> {
    const row = channelToRow(this.box, r);
    const columns = Object.keys(row) as (keyof ChannelRow)[];
    const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
    await this.pool.query(
      `INSERT INTO channels (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, revision = channels.revision + 1`,
      columns.map((c) => row[c]),
    );
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM channels WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async revision(id: string): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ revision: string }>('SELECT revision FROM channels WHERE id = $1', [id]);
    return rows[0] && Number(rows[0].revision);
  }

  async recordActivity(id: string, activity: ChannelActivity, atMs: number): Promise<void> {
    const column = activity === 'verified' ? 'last_verified_at' : 'last_push_at';
    await this.pool.query(`UPDATE channels SET ${column} = $1 WHERE id = $2`, [atMs, id]);
  }
}
