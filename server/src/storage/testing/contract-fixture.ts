// Records for the contract tests: complete enough that every optional field takes a round trip.
import type { Agent } from '../../core/model/agent';
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import type { Transaction, UnitOfWork } from '../../core/ports/unit-of-work';
import type { OutboxStore } from '../../core/ports/outbox-store';
import type { AuthStores } from '../../core/ports/auth';
import type { ChannelStore } from '../../core/ports/channel-store';
import type { TokenStore } from '../../core/ports/token-store';
import type { PlatformStore } from '../../core/ports/platform-store';

/** What a contract suite needs from an implementation; `close` ends it (a file is closed, not removed). */
export interface Subject {
  uow: UnitOfWork;
  outboxStore: OutboxStore;
  auth: AuthStores;
  channels: ChannelStore;
  tokens: TokenStore;
  platform: PlatformStore;
  close(): void;
}

export type OpenSubject = () => Subject;

export const CH = 'ch1';

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return { id, channelId: CH, openid: `o-${id}`, params: {}, customFields: {}, firstSeenAt: 1000, lastSeenAt: 2000, ...over };
}

export const fullCustomer: Customer = customer('cu-full', {
  unionId: 'u-1',
  nickname: '小明',
  avatarUrl: 'https://x/a.png',
  params: { from: 'ad', 'a b': 'c|d' },
  customFields: { vip: 'gold' },
  partnerId: 'p-9',
  sendWindow: { remaining: 3, expiresAt: 172_800_000 },
  session: { enteredAt: 5, merchantId: 'm1', customerCode: 'C1', groupId: 'g1', transferAction: [], robotId: 'r1' },
});

export function conversation(id: string, over: Partial<Conversation> = {}): Conversation {
  return { id, channelId: CH, customerId: 'cu1', state: 'bot', remainingChain: [], excludedAgentIds: [], createdAt: 1000, ...over };
}

export const fullConversation: Conversation = conversation('cv-full', {
  merchantId: 'm1',
  state: 'assigned',
  groupId: 'g1',
  agentId: 'a1',
  queuedFor: { kind: 'group', groupId: 'g1' },
  excludedAgentIds: ['a0'],
  robotId: 'r1',
  queuedAt: 1100,
  assignedAt: 1200,
  firstAgentResponseAt: 1300,
  lastCustomerMessageAt: 1400,
  lastAgentMessageAt: 1500,
  customerWaitingSince: 1600,
  silenceWarnedAt: 1700,
  toldPosition: 2,
  leftMessageAt: 1800,
  endedAt: 1900,
  endReason: 'agent_ended',
});

export function inbound(id: string, over: Partial<Message> = {}): Message {
  return {
    id,
    channelId: CH,
    conversationId: 'cv1',
    customerId: 'cu1',
    direction: 'in',
    sender: { kind: 'customer' },
    content: { type: 'text', text: `text ${id}` },
    createdAt: 1000,
    wechatMsgId: `msg-${id}`,
    ...over,
  };
}

export function outbound(id: string, over: Partial<Message> = {}): Message {
  const { wechatMsgId: _none, ...base } = inbound(id);
  return { ...base, direction: 'out', sender: { kind: 'agent', agentId: 'a1' }, delivery: { status: 'pending' }, ...over };
}

export function agent(id: string, over: Partial<Agent> = {}): Agent {
  return { id, channelId: CH, name: id, status: 'online', maxConcurrent: 3, groupIds: [], ...over };
}

export const ids = <T extends { id: string }>(records: readonly T[]) => records.map((r) => r.id);

/** A fresh subject per test (registered in the calling describe) and a shortcut to run one unit. */
export interface Harness {
  subject(): Subject;
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export function useSubject(open: OpenSubject): Harness {
  let s: Subject | undefined;
  beforeEach(() => {
    s = open();
  });
  afterEach(() => s?.close());
  const subject = () => {
    if (!s) throw new Error('no subject outside a test');
    return s;
  };
  return { subject, run: (work) => subject().uow.run(work) };
}

/**
 * Asserts that `promise` rejects. Not `rejects.toThrow()`: better-sqlite3's native addon keeps the
 * SqliteError class of whichever jest test file loaded it first in the worker process, so in another
 * file its errors are not `instanceof Error` and toThrow reports "did not throw".
 */
export async function expectRejection(promise: Promise<unknown>): Promise<void> {
  let rejected = false;
  try {
    await promise;
  } catch {
    rejected = true;
  }
  expect(rejected).toBe(true);
}
