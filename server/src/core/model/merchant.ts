// A merchant (organisation unit) inside a channel: the session-from's platform_action.customerCode selects one.

export interface Merchant {
  id: string;
  channelId: string;
  /** platform_action.customerCode: the merchant's id in the platform. */
  code: string;
  name: string;
  /** When an admin archived the merchant: its customerCode no longer selects it, its history is kept. */
  archivedAt?: number;
}
