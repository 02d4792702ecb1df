// Opening the customer-service chat without a button, through wx.openCustomerServiceConversation.
// WeChat documents that API for mini games; mini programs open the chat from a button with
// open-type="contact" (our contact-button), so this helper checks that the API exists and says so if not.
import { canOpenConversation, openConversation } from './platform';
import { buildSessionFrom, type SessionFromOptions } from './session-from';
import type { SessionFromDrop } from './shared/index';

export interface OpenCustomerServiceOptions extends SessionFromOptions {
  showMessageCard?: boolean;
  sendMessageTitle?: string;
  sendMessagePath?: string;
  sendMessageImg?: string;
}

export interface OpenCustomerServiceResult {
  sessionFrom: string;
  dropped: SessionFromDrop[];
}

export function openCustomerService(options: OpenCustomerServiceOptions): Promise<OpenCustomerServiceResult> {
  const built = buildSessionFrom(options);
  if (built.error) return Promise.reject(new Error(`session-from: ${built.error.message}`));
  if (!canOpenConversation()) {
    return Promise.reject(new Error('wx.openCustomerServiceConversation is not available here; use the kefu-contact-button component'));
  }
  const result = { sessionFrom: built.value, dropped: built.encoded?.dropped ?? [] };
  return new Promise((resolve, reject) => {
    openConversation({
      sessionFrom: built.value,
      showMessageCard: options.showMessageCard ?? false,
      sendMessageTitle: options.sendMessageTitle ?? '',
      sendMessagePath: options.sendMessagePath ?? '',
      sendMessageImg: options.sendMessageImg ?? '',
      success: () => resolve(result),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}
