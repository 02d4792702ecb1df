// Port: where the open platform's settings, its latest component_verify_ticket and the authorizations
// are kept (storage seals every secret at rest: AppSecret, Token, EncodingAESKey, ticket, refresh tokens).
// Settings and authorizations hold secrets in clear, so they never leave the server as they are.
import type { Authorization, PlatformSettings, VerifyTicket } from '../open-platform';

export interface PlatformStore {
  settings(): Promise<PlatformSettings | undefined>;
  /** Replaces the settings. A new component AppID forgets the ticket (it was the old platform's). */
  saveSettings(settings: PlatformSettings): Promise<void>;
  ticket(): Promise<VerifyTicket | undefined>;
  saveTicket(ticket: VerifyTicket): Promise<void>;
  /** Every authorization, by AppID. */
  authorizations(): Promise<Authorization[]>;
  authorization(appId: string): Promise<Authorization | undefined>;
  authorizationOfChannel(channelId: string): Promise<Authorization | undefined>;
  /** Insert or replace, by AppID. */
  saveAuthorization(authorization: Authorization): Promise<void>;
}
