// POST cgi-bin/message/custom/typing (miniprogram/dev/framework/open-ability/customer-message/typing.html,
// doc/service/api/customer/message/api_typing). WeChat allows it only while a send would be allowed
// and within 30 s of the user's last interaction (45080); the state lasts 15 s and may not be re-sent
// meanwhile (45081). Sending a message cancels it.
import type { WeChatApi } from './api';

export type TypingCommand = 'Typing' | 'CancelTyping';

export const TYPING_PATH = 'cgi-bin/message/custom/typing';

export async function setTyping(api: WeChatApi, openId: string, command: TypingCommand): Promise<void> {
  await api.postJson(TYPING_PATH, { touser: openId, command });
}
