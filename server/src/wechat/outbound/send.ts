// POST cgi-bin/message/custom/send (miniprogram/dev/OpenApiDoc/kf-mgnt/kf-message/sendCustomMessage.html,
// doc/offiaccount/Customer_Service/Customer_Service_Messages.html). Not custom/business/send: that is
// the sub-merchant variant and answers 40101 without a businessid (wechat-protocol.md §4.1).
// Failures arrive as WeChatApiError; kind 'window_closed' (45015) and 'quota_used_up' (45047) tell the
// conversation layer that only a new user action reopens the conversation.
import type { WeChatApi } from './api';
import type { MiniProgramMessage } from './miniprogram-messages';
import type { OfficialAccountMessage } from './official-account-messages';

export type CustomMessage = MiniProgramMessage | OfficialAccountMessage;

export const CUSTOM_SEND_PATH = 'cgi-bin/message/custom/send';

export async function sendCustomMessage(api: WeChatApi, message: CustomMessage): Promise<void> {
  await api.postJson(CUSTOM_SEND_PATH, message);
}
