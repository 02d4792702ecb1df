// Test support: the in-memory engine with a WeChat agent, where customers and the agent write as they
// would through the inbox, and the notices are followed as the server's NoticeHub does.
import type { Agent } from '../../../core/model/agent';
import type { KnowledgeLookup } from '../../../core/wechat-agent/knowledge';
import type { QuickReplyLookup } from '../../../core/wechat-agent/quick-replies';
import type { WeChatMessageResult } from '../../handle-customer-message';
import { CHANNEL, engineFixture, messageInItsUnit, textPush, type EngineFixture } from '../../testing/engine-fixture';
import { keepAgentsInformed } from '../keep-agents-informed';

export interface WeChatAgentFixture extends EngineFixture {
  /** `openid` writes `text` through the WeChat dispatcher; notices are followed afterwards. */
  write(openid: string, text: string): Promise<WeChatMessageResult>;
  /** Follows the notices recorded since the last call (forwards set off by other use cases). */
  follow(): Promise<void>;
  /** Texts sent to `openid` since the last call. */
  newTexts(openid: string): string[];
  agentRecord(id: string): Agent;
}

export function wechatAgentFixture(knowledge?: KnowledgeLookup, quickReplies?: QuickReplyLookup): WeChatAgentFixture {
  const f = engineFixture();
  let seen = 0;
  const seenTexts = new Map<string, number>();
  const follow = async () => {
    while (seen < f.notifier.notices.length) {
      const batch = f.notifier.notices.slice(seen);
      seen = f.notifier.notices.length;
      await keepAgentsInformed(f.deps, batch);
    }
  };
  return {
    ...f,
    follow,
    async write(openid, text) {
      const result = await messageInItsUnit(
        f.deps,
        { channelId: CHANNEL, channelKind: 'miniprogram', push: textPush(openid, text) },
        { ...(knowledge && { knowledge }), ...(quickReplies && { quickReplies }) },
      );
      await follow();
      return result;
    },
    newTexts(openid) {
      const all = f.sentTexts(openid);
      const from = seenTexts.get(openid) ?? 0;
      seenTexts.set(openid, all.length);
      return all.slice(from);
    },
    agentRecord(id) {
      const a = f.store.data.agents.get(id);
      if (!a) throw new Error(`no agent ${id}`);
      return a;
    },
  };
}
