// The push client: plays WeChat's sending side (URL verification and signed/encrypted pushes) for the
// emulator, the CLI and tests. Stable API; see README-level docs in each file.
export { buildPush, contentTypeOf, type BuiltPush, type PushOptions, type PushTarget } from './build-push';
export { sendPush, sendBuiltPush, verifyUrl, type PushResponse, type VerifyOptions, type VerifyResult } from './send';
export { readReply, type ReadReply } from './read-reply';
export { exampleMessage, MINIPROGRAM_TYPES, OFFICIAL_ACCOUNT_TYPES, ALL_TYPES, type ExampleContext } from './examples';
export { toWireRecord } from './to-wire';
export type { InboundMessage, InboundType } from '../../core/inbound-message';
