// Story: a message arrived from WeChat (the push path has verified, parsed and stored it, and opened its
// unit of work: process-inbox-entry.ts). Idempotent by MsgId: a redelivered push finds its message and
// changes nothing. From an openid bound to an agent it is that agent at work (the WeChat-agent feature:
// commands, replies); from anyone else it is a customer, whose message is recorded and routed, and
// forwarded to the conversation's WeChat agent if it has one.
import { agentWroteOnWeChat } from './wechat-agent/agent-wrote';
import { customerWroteOnWeChat } from './wechat-agent/customer-wrote';
import type { WeChatAgentOptions } from './wechat-agent/session';
import type { EngineDeps, Work } from './support/engine-deps';
import type { HandleMessageResult, IncomingCustomerMessage } from './support/record-customer-message';

export type { HandledMessage, HandleMessageResult, IncomingCustomerMessage } from './support/record-customer-message';

export type WeChatMessageResult = HandleMessageResult | { kind: 'agent'; agentId: string; conversationId: string; messageId: string };

/** Runs in the unit of work it is given; it opens none of its own. */
export async function handleCustomerMessage(
  deps: EngineDeps,
  w: Work,
  input: IncomingCustomerMessage,
  options: WeChatAgentOptions = {},
): Promise<WeChatMessageResult> {
  const known = await w.tx.messages.findByWechatMsgId(input.channelId, input.push.msgId);
  if (known) return { kind: 'duplicate', messageId: known.id };
  const agent = await w.tx.agents.findByWechatOpenid(input.channelId, input.push.fromUserName);
  // An archived agent no longer works from WeChat: what they write is a customer's message, kept as any other.
  if (agent?.wechatOpenid !== undefined && agent.archivedAt === undefined) {
    const done = await agentWroteOnWeChat(w, { ...agent, wechatOpenid: agent.wechatOpenid }, input, options);
    return { kind: 'agent', agentId: agent.id, ...done };
  }
  return customerWroteOnWeChat(deps, w, input);
}
