// The public entry of shared/: pure TypeScript used by the mini program kit and the server.
export { encodeSessionFrom } from './session-from/encode';
export { decodeSessionFrom } from './session-from/decode';
export { SessionFromError, type SessionFromErrorCode } from './session-from/errors';
export { SESSION_FROM_MAX_BYTES, SESSION_FROM_BUDGET_BYTES, PARTNER_ID_MAX_CHARS, TRANSFER_ACTION_MAX_LEVELS } from './session-from/limits';
export type * from './session-from/types';
export { encryptUnionId, decryptUnionId, UnionIdCipherError, type UnionIdCipherErrorCode } from './unionid-cipher/cipher';
export { encryptBoundUnionId, readUnionIdToken, BOUND_UNIONID_PREFIX, type UnionIdTokenReading } from './unionid-cipher/bound';
export { utf8ByteLength } from './text/utf8';
export { readTransferAction, overflows, type TransferActionReading, type TransferActionRemark } from './session-from/read-transfer-action';
