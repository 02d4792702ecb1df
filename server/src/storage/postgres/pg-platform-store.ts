// PostgreSQL adapter of PlatformStore: the rows of platform-rows.ts (secrets sealed exactly as on SQLite),
// each call one autocommitted statement.
import type pg from 'pg';
import type { Authorization, PlatformSettings, VerifyTicket } from '../../core/open-platform';
import type { PlatformStore } from '../../core/ports/platform-store';
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
} from '../platform-rows';
import type { SecretBox } from '../secret-box';

export class PgPlatformStore implements PlatformStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  private async row(): Promise<PlatformReadRow | undefined> {
    const { rows } = await this.pool.query<PlatformReadRow>('SELECT * FROM open_platform WHERE id = 1');
    return rows[0];
  }

  async settings(): Promise<PlatformSettings | undefined> {
    const row = await this.row();
    return row && platformFromRow(this.box, row);
  }

  /** Another component AppID is another platform: the old one's ticket is useless to it. */
  async saveSettings(settings: PlatformSettings): Promise<void> {
    const r = platformToRow(this.box, settings);
    await this.pool.query(
      `INSERT INTO open_platform AS p (id, component_app_id, app_secret, token, encoding_aes_key, updated_at)
       VALUES (1, $1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET
         ticket = CASE WHEN p.component_app_id = excluded.component_app_id THEN p.ticket END,
         ticket_received_at = CASE WHEN p.component_app_id = excluded.component_app_id THEN p.ticket_received_at END,
         ticket_pushed_at = CASE WHEN p.component_app_id = excluded.component_app_id THEN p.ticket_pushed_at END,
         component_app_id = excluded.component_app_id, app_secret = excluded.app_secret, token = excluded.token,
         encoding_aes_key = excluded.encoding_aes_key, updated_at = excluded.updated_at`,
      [r.component_app_id, r.app_secret, r.token, r.encoding_aes_key, r.updated_at],
    );
  }

  async ticket(): Promise<VerifyTicket | undefined> {
    const row = await this.row();
    return row && ticketFromRow(this.box, row);
  }

  async saveTicket(ticket: VerifyTicket): Promise<void> {
    const row = await this.row();
    if (!row) return;
    await this.pool.query(
      'UPDATE open_platform SET ticket = $1, ticket_received_at = $2, ticket_pushed_at = $3 WHERE id = 1 AND component_app_id = $4',
      [sealTicket(this.box, row.component_app_id, ticket.ticket), ticket.receivedAt, ticket.pushedAt, row.component_app_id],
    );
  }

  async authorizations(): Promise<Authorization[]> {
    const { rows } = await this.pool.query<AuthorizationRow>('SELECT * FROM open_platform_authorizations ORDER BY app_id');
    return rows.map((r) => authorizationFromRow(this.box, r));
  }

  async authorization(appId: string): Promise<Authorization | undefined> {
    const { rows } = await this.pool.query<AuthorizationRow>('SELECT * FROM open_platform_authorizations WHERE app_id = $1', [appId]);
    return rows[0] && authorizationFromRow(this.box, rows[0]);
  }

  async authorizationOfChannel(channelId: string): Promise<Authorization | undefined> {
    const { rows } = await this.pool.query<AuthorizationRow>('SELECT * FROM open_platform_authorizations WHERE channel_id = $1', [
      channelId,
    ]);
    return rows[0] && authorizationFromRow(this.box, rows[0]);
  }

  async saveAuthorization(a: Authorization): Promise<void> {
    const row = authorizationToRow(this.box, a);
    const updates = AUTHORIZATION_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`);
    await this.pool.query(
      `INSERT INTO open_platform_authorizations (${AUTHORIZATION_COLUMNS.join(', ')})
       VALUES (${AUTHORIZATION_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (app_id) DO UPDATE SET ${updates.join(', ')}`,
      AUTHORIZATION_COLUMNS.map((c) => row[c]),
    );
  }
}
