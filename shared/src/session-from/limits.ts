/** WeChat cuts session-from beyond 1000 UTF-8 bytes (wx.openCustomerServiceConversation: 最长不得超过 1000 个字节). */
export const SESSION_FROM_MAX_BYTES = 1000;
/** Sobot: partnerid 限制100字符. */
export const PARTNER_ID_MAX_CHARS = 100;
/** Sobot: three overflow levels, the fourth never overflows. */
export const TRANSFER_ACTION_MAX_LEVELS = 4;
