/** WeChat cuts session-from beyond 1000 UTF-8 bytes (wx.openCustomerServiceConversation: 最长不得超过 1000 个字节). */
export const SESSION_FROM_MAX_BYTES = 1000;
/**
 * What the encoder allows itself. A value cut by WeChat is at least 997 bytes long (a cut mid-character
 * removes at most 3), so staying at 996 makes every value of ours recognisable as uncut, and every
 * value of 997 bytes or more recognisable as possibly cut, even when the cut falls right after a `|`.
 */
export const SESSION_FROM_BUDGET_BYTES = SESSION_FROM_MAX_BYTES - 4;
/** Sobot: partnerid 限制100字符. */
export const PARTNER_ID_MAX_CHARS = 100;
/** Sobot: three overflow levels, the fourth never overflows. */
export const TRANSFER_ACTION_MAX_LEVELS = 4;
