// The master key check of master-key-check.ts on PostgreSQL: the first node to use a key seals the known
// value in storage_meta (ON CONFLICT DO NOTHING: when several start at once one wins), and every node
// then opens the stored value, so a node started with another key refuses to start.
import type pg from 'pg';
import { assertKeyOpens, MASTER_KEY_CHECK, sealKeyCheck } from '../master-key-check';
import type { SecretBox } from '../secret-box';

/** Throws MasterKeyError when `box` holds another key than the one this database was sealed with. */
export async function verifyPgMasterKey(pool: pg.Pool, box: SecretBox): Promise<void> {
  await pool.query('INSERT INTO storage_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    MASTER_KEY_CHECK,
    sealKeyCheck(box),
  ]);
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM storage_meta WHERE key = $1', [MASTER_KEY_CHECK]);
  const stored = rows[0];
  if (!stored) throw new Error('storage_meta lost the master key check');
  assertKeyOpens(box, stored.value);
}
