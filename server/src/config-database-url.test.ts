// DATABASE_URL selects PostgreSQL; without it the SQLite file in DATA_DIR stays the default.
import { ConfigError, readConfig } from './config';

const base = { KEFU_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('DATABASE_URL', () => {
  it('absent: the SQLite file in DATA_DIR, as before', () => {
    expect(readConfig(base).databaseUrl).toBeUndefined();
  });

  it('a postgres:// or postgresql:// URL selects PostgreSQL', () => {
    expect(readConfig({ ...base, DATABASE_URL: 'postgres://kefu:pw@127.0.0.1:5432/kefu' }).databaseUrl).toBe(
      'postgres://kefu:pw@127.0.0.1:5432/kefu',
    );
    expect(readConfig({ ...base, DATABASE_URL: 'postgresql://db.internal/kefu' }).databaseUrl).toBe('postgresql://db.internal/kefu');
  });

  it('anything else is refused, naming the variable and never echoing the value (it may hold a password)', () => {
    const attempt = () => readConfig({ ...base, DATABASE_URL: 'mysql://kefu:s3cret-pw@db/kefu' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).not.toThrow(/s3cret-pw/);
  });
});
