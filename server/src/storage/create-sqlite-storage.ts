// Everything storage offers the server, built from one open database and the master key: what main.ts
// calls. Every adapter shares the connection's serial queue, so they can be used together freely.
import type { Database } from 'better-sqlite3';
import type { Clock } from '../core/ports/clock';
import type { IdGenerator } from '../core/ports/id-generator';
import type { OutboxStore } from '../core/ports/outbox-store';
import type { PlatformStore } from '../core/ports/platform-store';
import type { TokenStore } from '../core/ports/token-store';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { CachedChannelDirectory } from './cached-channel-directory';
import { EncryptedTokenStore } from './encrypted-token-store';
import { parseMasterKey } from './master-key';
import { SecretBox } from './secret-box';
import { SqliteChannelStore } from './sqlite-channel-store';
import { SqliteOutboxStore } from './sqlite-outbox';
import { SqlitePlatformStore } from './sqlite-platform-store';
import { SqliteTokenStore } from './sqlite-token-store';
import { SqliteUnitOfWork } from './sqlite-unit-of-work';
import { TimeSortableIds } from './time-sortable-ids';

export interface SqliteStorageOptions {
  /** 32 bytes, or their text form from configuration (64 hex digits or base64). */
  masterKey: Uint8Array | string;
  /** Named in the error when the text form is malformed (default 'the master key'). */
  masterKeySource?: string;
  outboxLeaseMs?: number;
  /** Who claims outbox items through this storage (runtime/outbox-owner.ts); default a random id. */
  outboxOwner?: string;
  clock?: Clock;
}

export interface SqliteStorage {
  uow: UnitOfWork;
  outbox: OutboxStore;
  /** The ChannelStore for admin work and the ChannelDirectory for the push path, one cache. */
  channels: CachedChannelDirectory;
  /** Access tokens, sealed at rest. */
  tokens: TokenStore;
  /** The open platform's settings, ticket and authorizations, secrets sealed at rest. */
  platform: PlatformStore;
  ids: IdGenerator;
}

/** Throws MasterKeyError for a malformed key or one that does not match the database's. */
export function createSqliteStorage(db: Database, options: SqliteStorageOptions): SqliteStorage {
  const key = typeof options.masterKey === 'string' ? parseMasterKey(options.masterKey, options.masterKeySource) : options.masterKey;
  const box = new SecretBox(key);
  const clock = options.clock ?? { now: () => Date.now() };
  return {
    uow: new SqliteUnitOfWork(db),
    outbox: new SqliteOutboxStore(db, {
      ...(options.outboxLeaseMs !== undefined && { leaseMs: options.outboxLeaseMs }),
      ...(options.outboxOwner !== undefined && { owner: options.outboxOwner }),
    }),
    channels: new CachedChannelDirectory(new SqliteChannelStore(db, box), { clock }),
    tokens: new EncryptedTokenStore(new SqliteTokenStore(db), box),
    platform: new SqlitePlatformStore(db, box),
    ids: new TimeSortableIds(clock),
  };
}
