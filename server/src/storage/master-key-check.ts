// Tells a wrong master key apart from damaged data, at start-up rather than at the first push: the
// first store to use a key seals a known value in storage_meta; later runs must be able to open it.
import type { Database } from 'better-sqlite3';
import { MasterKeyError } from './master-key';
import { SecretOpenError, type SecretBox } from './secret-box';

/** The storage_meta key of the check; the PostgreSQL storage keeps the same row (postgres/pg-master-key-check.ts). */
export const MASTER_KEY_CHECK = 'master_key_check';
const PLAINTEXT = 'wechat-kefu master key check';
const PLACE = `storage_meta/${MASTER_KEY_CHECK}`;

/** The check value the first store to use a key writes. */
export function sealKeyCheck(box: SecretBox): string {
  return box.seal(PLAINTEXT, PLACE);
}

/** Throws MasterKeyError unless `sealed` (a stored check value) opens with the key in `box`. */
export function assertKeyOpens(box: SecretBox, sealed: string): void {
  try {
    if (box.open(sealed, PLACE) === PLAINTEXT) return;
  } catch (error) {
    if (!(error instanceof SecretOpenError)) throw error;
  }
  throw new MasterKeyError(
    'the master key is not the one this database was written with; start with the original key (secrets sealed with it cannot be read otherwise)',
  );
}

/** Throws MasterKeyError when `box` holds another key than the one this database was sealed with. */
export function verifyMasterKey(db: Database, box: SecretBox): void {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM storage_meta WHERE key = ?').get(MASTER_KEY_CHECK);
  if (row) assertKeyOpens(box, row.value);
  else db.prepare('INSERT INTO storage_meta (key, value) VALUES (?, ?)').run(MASTER_KEY_CHECK, sealKeyCheck(box));
}
