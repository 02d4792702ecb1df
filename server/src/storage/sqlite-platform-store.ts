// SQLite adapter of PlatformStore (core/ports/platform-store.ts): one settings row and one row per
// authorization; platform-rows.ts seals the secrets. Calls go through the connection's serial queue.
import type { Database, Statement } from 'better-sqlite3';
import type { Authorization, PlatformSettings, VerifyTicket } from '../core/open-platform';
import type { PlatformStore } from '../core/ports/platform-store';
import {
  AUTHORIZATION_COLUMNS,
  authorizationFromRow,
  authorizationToRow,
  platformFromRow,
  platformToRow,
  sealTicket,
  ticketFromRow,
  type AuthorizationRow,
  type PlatformReadRow,
  type PlatformRow,
} from './platform-rows';
import type { SecretBox } from './secret-box';
import { serialFor, type SerialQueue } from './serial-lock';

export class SqlitePlatformStore implements PlatformStore {
  private readonly queue: SerialQueue;
  private readonly row: Statement<[], PlatformReadRow>;
  private readonly upsertSettings: Statement<[PlatformRow]>;
  private readonly setTicket: Statement<[string, number, number]>;
  private readonly all: Statement<[], AuthorizationRow>;
  private readonly byAppId: Statement<[string], AuthorizationRow>;
  private readonly byChannel: Statement<[string], AuthorizationRow>;
  private readonly upsertAuthorization: Statement<[AuthorizationRow]>;

  constructor(
    db: Database,
    private readonly box: SecretBox,
  ) {
    this.queue = serialFor(db);
    this.row = db.prepare('SELECT * FROM open_platform WHERE id = 1');
    // Another component AppID is another platform: the old one's ticket is useless to it.
    this.upsertSettings = db.prepare(
      `INSERT INTO open_platform (id, component_app_id, app_secret, token, encoding_aes_key, updated_at)
       VALUES (1, @component_app_id, @app_secret, @token, @encoding_aes_key, @updated_at)
       ON CONFLICT (id) DO UPDATE SET
         ticket = CASE WHEN component_app_id = excluded.component_app_id THEN ticket END,
         ticket_received_at = CASE WHEN component_app_id = excluded.component_app_id THEN ticket_received_at END,
         ticket_pushed_at = CASE WHEN component_app_id = excluded.component_app_id THEN ticket_pushed_at END,
         component_app_id = excluded.component_app_id, app_secret = excluded.app_secret, token = excluded.token,
         encoding_aes_key = excluded.encoding_aes_key, updated_at = excluded.updated_at`,
    );
    this.setTicket = db.prepare('UPDATE open_platform SET ticket = ?, ticket_received_at = ?, ticket_pushed_at = ? WHERE id = 1');
    this.all = db.prepare('SELECT * FROM open_platform_authorizations ORDER BY app_id');
    this.byAppId = db.prepare('SELECT * FROM open_platform_authorizations WHERE app_id = ?');
    this.byChannel = db.prepare('SELECT * FROM open_platform_authorizations WHERE channel_id = ?');
    const columns = AUTHORIZATION_COLUMNS.join(', ');
    const values = AUTHORIZATION_COLUMNS.map((c) => `@${c}`).join(', ');
    const updates = AUTHORIZATION_COLUMNS.slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.upsertAuthorization = db.prepare(
      `INSERT INTO open_platform_authorizations (${columns}) VALUES (${values}) ON CONFLICT (app_id) DO UPDATE SET ${updates}`,
    );
  }

  settings(): Promise<PlatformSettings | undefined> {
    return this.queue.run(() => {
      const row = this.row.get();
      return row && platformFromRow(this.box, row);
    });
  }

  saveSettings(settings: PlatformSettings): Promise<void> {
    return this.queue.run(() => void this.upsertSettings.run(platformToRow(this.box, settings)));
  }

  ticket(): Promise<VerifyTicket | undefined> {
    return this.queue.run(() => {
      const row = this.row.get();
      return row && ticketFromRow(this.box, row);
    });
  }

  saveTicket(ticket: VerifyTicket): Promise<void> {
    return this.queue.run(() => {
      const row = this.row.get();
      if (row) this.setTicket.run(sealTicket(this.box, row.component_app_id, ticket.ticket), ticket.receivedAt, ticket.pushedAt);
    });
  }

  authorizations(): Promise<Authorization[]> {
    return this.queue.run(() => this.all.all().map((r) => authorizationFromRow(this.box, r)));
  }

  authorization(appId: string): Promise<Authorization | undefined> {
    return this.queue.run(() => {
      const row = this.byAppId.get(appId);
      return row && authorizationFromRow(this.box, row);
    });
  }

  authorizationOfChannel(channelId: string): Promise<Authorization | undefined> {
    return this.queue.run(() => {
      const row = this.byChannel.get(channelId);
      return row && authorizationFromRow(this.box, row);
    });
  }

  saveAuthorization(authorization: Authorization): Promise<void> {
    return this.queue.run(() => void this.upsertAuthorization.run(authorizationToRow(this.box, authorization)));
  }
}
