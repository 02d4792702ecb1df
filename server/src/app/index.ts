// The use cases of the conversation engine, for the push path, the REST API, the CLI and the scheduler.
export type { EngineDeps } from './support/engine-deps';
export { handleCustomerMessage, type IncomingCustomerMessage, type HandleMessageResult } from './handle-customer-message';
export { customerEnteredSession, type CustomerEnteredSession, type EnteredSessionResult } from './customer-entered-session';
export { unionIdVerified, type VerifiedUnionId } from './union-id-verified';
export { recordCustomerAction, type CustomerActionInput } from './record-customer-action';
export { agentReply, checkMayReply, sendWindowOf, type AgentReplyInput, type AgentReplyResult } from './agent-reply';
export {
  transferConversation,
  type TransferInput,
  type TransferRefusal,
  type TransferResult,
  type TransferTo,
} from './transfer-conversation';
export { endConversation, type EndedBy } from './end-conversation';
export { changeAgentStatus, type AgentStatusResult } from './change-agent-status';
export { tickTimers, type FiredTimer } from './tick-timers';
export { leaveMessage } from './leave-message';
export { takeLeftMessage, type TakeLeftMessageResult } from './take-left-message';
export { recordDelivery, type DeliveryOutcome } from './record-delivery';
export { readDashboard, type Dashboard, type DashboardDeps } from './read-dashboard';
