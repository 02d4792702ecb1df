// Story: a message arrived from WeChat. From an openid bound to an agent it is that agent at work
// (commands, replies); from anyone else it is a customer. One unit of work either way, so the inbox's
// "processed exactly once" holds (it marks the push done in the first unit the story runs).
import type { HandleMessageResult, IncomingCustomerMessage } from '../handle-customer-message';
import { inUnit, type EngineDeps } from '../support/engine-deps';
import { agentWroteOnWeChat } from './agent-wrote';
import { customerWroteOnWeChat } from './customer-wrote';
import type { DeskOptions } from './desk-session';

export type WeChatMessageResult = HandleMessageResult | { kind: 'agent'; agentId: string; lineId: string; messageId: string };

export function handleWeChatMessage(deps: EngineDeps, input: IncomingCustomerMessage, options: DeskOptions = {}): Promise<WeChatMessageResult> {
  return inUnit(deps, async (w) => {
    const known = await w.tx.messages.findByWechatMsgId(input.channelId, input.push.msgId);
    if (known) return { kind: 'duplicate', messageId: known.id };
    const agent = await w.tx.agents.findByWechatOpenid(input.channelId, input.push.fromUserName);
    if (agent?.wechatOpenid !== undefined) {
      const done = await agentWroteOnWeChat(deps, w, { ...agent, wechatOpenid: agent.wechatOpenid }, input, options);
      return { kind: 'agent', agentId: agent.id, ...done };
    }
    return customerWroteOnWeChat(deps, w, input);
  });
}
