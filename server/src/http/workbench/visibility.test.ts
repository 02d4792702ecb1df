import type { EngineNotice } from '../../core/ports/notifier';
import type { Principal } from '../../app/auth/principal';
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
    const taken = {
      type: 'conversation_changed',
      channelId: 'shop',
      merchantId: 'm1',
      conversationId: 'c',
      state: 'assigned',
      agentId: 'a2',
      previousAgentId: 'a1',
    } as EngineNotice;
    expect(maySee(agent, taken)).toBe(true);
    expect(maySee(agent, { type: 'queue_changed', channelId: 'shop', merchantId: 'm1', length: 2 })).toBe(true);
    expect(maySee(agent, { type: 'agent_no_reply', channelId: 'shop', merchantId: 'm1', conversationId: 'c', agentId: 'a2' })).toBe(false);
  });

  it("delivery outcomes reach the message's agent only, like the message", () => {
    const delivered = (agentId?: string) =>
      ({
        type: 'message_delivered',
        channelId: 'shop',
        merchantId: 'm1',
        conversationId: 'c',
        messageId: 'x',
        at: 1,
        ...(agentId && { agentId }),
      }) as EngineNotice;
    expect(maySee(agent, delivered('a1'))).toBe(true);
    expect(maySee(agent, delivered('a2'))).toBe(false);
    expect(maySee(agent, delivered())).toBe(true);
    expect(maySee(merchantAdmin, delivered('a2'))).toBe(true);
    expect(maySee(platformAgent, delivered('p1'))).toBe(false); // another merchant's
    const failed = {
      type: 'delivery_failed',
      channelId: 'shop',
      merchantId: 'm1',
      conversationId: 'c',
      messageId: 'x',
      agentId: 'a2',
      reason: 'r',
    } as EngineNotice;
    expect(maySee(agent, failed)).toBe(false);
  });

  it('the platform team and a merchant are apart', () => {
    expect(maySee(platformAgent, msg())).toBe(false);
    expect(maySee(platformAgent, msg({ merchantId: undefined }))).toBe(true);
    expect(maySee(agent, msg({ merchantId: undefined }))).toBe(false);
  });

  it('supervisors see their whole channel, or their merchant only', () => {
    const overChannel: Principal = { role: 'supervisor', channelId: 'shop', via };
    const overMerchant: Principal = { role: 'supervisor', channelId: 'shop', merchantId: 'm1', via };
    expect(maySee(overChannel, msg({ merchantId: 'm2', agentId: 'a9' }))).toBe(true);
    expect(maySee(overChannel, msg({ merchantId: undefined }))).toBe(true);
    expect(maySee(overChannel, msg({ channelId: 'other' }))).toBe(false);
    expect(maySee(overMerchant, msg({ agentId: 'a9' }))).toBe(true);
    expect(maySee(overMerchant, msg({ merchantId: 'm2' }))).toBe(false);
  });

  it('an agent of several channels sees each channel as that channel’s agent', () => {
    const seats = [
      { agentId: 'a1', channelId: 'shop', merchantId: 'm1' },
      { agentId: 'b1', channelId: 'mall' },
    ];
    const both: Principal = { ...agent, seats };
    expect(maySee(both, msg({ channelId: 'mall', merchantId: undefined, agentId: 'b1' }))).toBe(true);
    expect(maySee(both, msg({ channelId: 'mall', merchantId: undefined, agentId: 'a1' }))).toBe(false);
    expect(maySee(both, msg({ channelId: 'mall', merchantId: 'm1' }))).toBe(false);
    expect(maySee(both, msg({ agentId: 'a1' }))).toBe(true);
    expect(maySee(both, msg({ channelId: 'elsewhere' }))).toBe(false);
  });
});
