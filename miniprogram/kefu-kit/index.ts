// The kit's entry for code (the button is used from WXML as a component).
export { openCustomerService, type OpenCustomerServiceOptions, type OpenCustomerServiceResult } from './open-conversation';
export { fetchCustomerIdentity, type CustomerIdentity, type CustomerIdentityOptions } from './customer-identity';
export { buildSessionFrom, type BuiltSessionFrom, type SessionFromOptions } from './session-from';
export { encodeSessionFrom, decodeSessionFrom, encryptUnionId, SESSION_FROM_MAX_BYTES } from './shared/index';
export type { SessionFromDrop, SessionFromFields, TransferAction, PlatformAction } from './shared/index';
