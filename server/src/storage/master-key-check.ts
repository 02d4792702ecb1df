// Tells a wrong master key apart from damaged data, at start-up rather than at the first push: the
// first store to use a key seals a known value in storage_meta; later runs must be able to open it.
import type { Database } from 'better-sqlite3';
import { MasterKeyError } from './master-key';
import { SecretOpenError, type SecretBox } from './secret-box';

const KEY = 'master_key_check';
const PLAINTEXT = 'wechat-kefu master key check';

/** Throws MasterKeyError when `box` holds another key than the one this database was sealed with. */
export function verifyMasterKey(db: Database, box: SecretBox): void {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM storage_meta WHERE key = ?').get(KEY);
  if (!row) {
    db.prepare('INSERT INTO storage_meta (key, value) VALUES (?, ?)').run(KEY, box.seal(PLAINTEXT, `storage_meta/${KEY}`));
    return;
  }
  try {
    if (box.open(row.value, `storage_meta/${KEY}`) === PLAINTEXT) return;
  } catch (error) {
    if (!(error instanceof SecretOpenError)) throw error;
  }
  throw new MasterKeyError(
    'the master key is not the one this database was written with; start with the original key (secrets sealed with it cannot be read otherwise)',
  );
}
