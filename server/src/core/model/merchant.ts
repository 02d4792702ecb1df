// A merchant (organisation unit) inside a channel: issue 8's platform_action.customerCode selects one.

export interface Merchant {
  id: string;
  channelId: string;
  /** platform_action.customerCode: the merchant's id in the platform. */
  code: string;
  name: string;
}
