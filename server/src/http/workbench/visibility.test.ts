import type { EngineNotice } from '../../core/ports/notifier';
import type { Principal } from '../api/auth/principal';
import { maySee } from './visibility';

const via = { kind: 'token', tokenId: 't' } as const;
const platform: Principal = { role: 'platform_admin', via };
const merchantAdmin: Principal = { role: 'merchant_admin', channelId: 'shop', merchantId: 'm1', via };
const agent: Principal = { role: 'agent', channelId: 'shop', merchantId: 'm1', agentId: 'a1', via };
const platformAgent: Principal = { role: 'agent', channelId: 'shop', agentId: 'p1', via };

const msg = (over: Partial<EngineNotice> = {}): EngineNotice =>
  ({ type: 'message_added', channelId: 'shop', merchantId: 'm1', conversationId: 'c', messageId: 'x', ...over }) as EngineNotice;

describe('maySee', () => {
  it('platform admins see every merchant and channel', () => {
    expect(maySee(platform, msg({ channelId: 'other', merchantId: 'm9' }))).toBe(true);
  });

  it('merchant admins see their merchant only', () => {
    expect(maySee(merchantAdmin, msg({ agentId: 'a2' }))).toBe(true);
    expect(maySee(merchantAdmin, msg({ merchantId: 'm2' }))).toBe(false);
    expect(maySee(merchantAdmin, msg({ merchantId: undefined }))).toBe(false);
    expect(maySee(merchantAdmin, msg({ channelId: 'other' }))).toBe(false);
  });

  it('agents see the queue and their own conversations, not colleagues’ conversations', () => {
    expect(maySee(agent, msg())).toBe(true);
    expect(maySee(agent, msg({ agentId: 'a1' }))).toBe(true);
    expect(maySee(agent, msg({ agentId: 'a2' }))).toBe(false);
    const taken = { type: 'conversation_changed', channelId: 'shop', merchantId: 'm1', conversationId: 'c', state: 'assigned', agentId: 'a2', previousAgentId: 'a1' } as EngineNotice;
    expect(maySee(agent, taken)).toBe(true);
    expect(maySee(agent, { type: 'queue_changed', channelId: 'shop', merchantId: 'm1', length: 2 })).toBe(true);
    expect(maySee(agent, { type: 'agent_no_reply', channelId: 'shop', merchantId: 'm1', conversationId: 'c', agentId: 'a2' })).toBe(false);
  });

  it('the platform team and a merchant are apart', () => {
    expect(maySee(platformAgent, msg())).toBe(false);
    expect(maySee(platformAgent, msg({ merchantId: undefined }))).toBe(true);
    expect(maySee(agent, msg({ merchantId: undefined }))).toBe(false);
  });
});
