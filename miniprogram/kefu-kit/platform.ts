// The one module of the kit that calls `wx.*`, so everything else is testable without WeChat.
// Nothing runs at import time.

/** Options of wx.openCustomerServiceConversation (documented for mini games; absent from miniprogram-api-typings). */
export interface OpenConversationOptions {
  sessionFrom?: string;
  showMessageCard?: boolean;
  sendMessageTitle?: string;
  sendMessagePath?: string;
  sendMessageImg?: string;
  success?: (res: unknown) => void;
  fail?: (err: { errMsg: string }) => void;
}

type WithConversation = { openCustomerServiceConversation?: (options: OpenConversationOptions) => void };

export function canOpenConversation(): boolean {
  return typeof wx !== 'undefined' && typeof (wx as unknown as WithConversation).openCustomerServiceConversation === 'function';
}

export function openConversation(options: OpenConversationOptions): void {
  (wx as unknown as Required<WithConversation>).openCustomerServiceConversation(options);
}

export function login(): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.login({ success: (res) => resolve(res.code), fail: (err) => reject(new Error(err.errMsg)) });
  });
}

export function postJson<T>(url: string, data: Record<string, unknown>): Promise<{ status: number; data: T }> {
  return new Promise((resolve, reject) => {
    wx.request({
      url,
      method: 'POST',
      data,
      header: { 'content-type': 'application/json' },
      success: (res) => resolve({ status: res.statusCode, data: res.data as T }),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}
