// The reports benchmark's data (no benchmark here): 1,000,000 messages in 100,000 conversations of one
// channel over 30 days, written directly into the SQLite file in transactions (the product's row codec,
// its triggers run), shaped like real traffic: robot-only conversations, left messages answered later,
// transfers before the first answer, refused sends, ratings, every ended reason.
import type { Database } from 'better-sqlite3';
import type { Conversation, ConversationEvent, EndReason } from '../src/core/model/conversation';
import type { Message } from '../src/core/model/message';
import { messageToRow } from '../src/storage/message-row';
import { conversationToRow } from '../src/storage/sqlite-conversations';

export const CHANNEL = 'ch1';
export const MERCHANTS = 10;
const AGENTS_PER_MERCHANT = 20;
const PER_CONVERSATION = 10;
const DAY = 86_400_000;
const BATCH = 5000;
const REASONS: EndReason[] = ['agent_ended', 'customer_left', 'customer_silent', 'admin_ended'];

/** One conversation and its messages: `c` picks its kind (1 in 20 robot only, 1 in 20 left a message, 2 in 20 transferred). */
function conversationOf(c: number, count: number, start: number, days: number): { conversation: Conversation; messages: Message[] } {
  const merchantId = `m${c % MERCHANTS}`;
  // Agents by the conversation's number within its merchant, so each of the merchant's agents gets its share.
  const agent = (n: number) => `${merchantId}-a${Math.floor(n / MERCHANTS) % AGENTS_PER_MERCHANT}`;
  const createdAt = start + Math.floor((c * days * DAY) / count);
  const kind = c % 20;
  const robot = kind === 0;
  const left = kind === 1;
  const transferred = kind === 2 || kind === 3;
  const first = agent(c);
  const holder = transferred ? agent(c + 7 * MERCHANTS) : first;
  const assignedAt = createdAt + 5_000 + (c % 55) * 1000;
  const history: ConversationEvent[] = robot
    ? []
    : left
      ? [
          { at: createdAt + 1000, kind: 'queued', queuedFor: { kind: 'pool' } },
          { at: createdAt + 60_000, kind: 'left_message' },
        ]
      : [
          { at: createdAt + 1000, kind: 'queued', queuedFor: { kind: 'pool' } },
          { at: assignedAt, kind: 'assigned', agentId: first },
          ...(transferred ? [{ at: assignedAt + 20_000, kind: 'transferred' as const, agentId: holder, fromAgentId: first }] : []),
        ];
  const endedAt = createdAt + PER_CONVERSATION * 30_000 + 60_000;
  const endReason: EndReason = robot ? 'robot_idle' : (REASONS[c % REASONS.length] as EndReason);
  const conversation: Conversation = {
    id: `c${String(c).padStart(7, '0')}`,
    channelId: CHANNEL,
    merchantId,
    customerId: `cu${c}`,
    state: left ? 'left_message' : 'ended',
    ...(!robot &&
      !left && { agentId: holder, groupId: `${merchantId}-g${c % 3}`, assignedAt: transferred ? assignedAt + 20_000 : assignedAt }),
    remainingChain: [],
    excludedAgentIds: [],
    createdAt,
    ...(!robot && { queuedAt: createdAt + 1000 }),
    ...(left && { leftMessageAt: createdAt + 60_000 }),
    ...(!left && { endedAt, endReason, history: [...history, { at: endedAt, kind: 'ended', endReason }] }),
    ...(left && { history }),
    ...(c % 3 === 0 &&
      !robot &&
      !left && { csat: { requestedAt: endedAt, rating: (1 + (c % 5)) as 1 | 2 | 3 | 4 | 5, ratedAt: endedAt + 30_000 } }),
  };
  const messages: Message[] = [];
  for (let k = 0; k < PER_CONVERSATION; k++) {
    const at = createdAt + k * 30_000 + (left && k > 0 ? 3_600_000 : 0);
    const inbound = k % 2 === 0;
    const sender: Message['sender'] = inbound ? { kind: 'customer' } : robot ? { kind: 'robot' } : { kind: 'agent', agentId: holder };
    const refused = !inbound && (c * PER_CONVERSATION + k) % 100 === 1;
    messages.push({
      id: `msg${String(c * PER_CONVERSATION + k).padStart(8, '0')}`,
      channelId: CHANNEL,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      direction: inbound ? 'in' : 'out',
      sender,
      content: { type: 'text', text: inbound ? '你好，请问这个商品什么时候发货？' : '您好，今天下午发货。' },
      createdAt: Math.max(at, inbound ? 0 : assignedAt + 30_000 * k),
      ...(inbound
        ? { wechatMsgId: `w${c * PER_CONVERSATION + k}` }
        : {
            delivery: refused ? { status: 'failed', at, reason: 'response out of time limit', wechatCode: 45015 } : { status: 'sent', at },
          }),
    });
  }
  return { conversation, messages };
}

/** Writes `messages` messages (ten per conversation) created from `start` over `days` days. */
export function fill(db: Database, messages: number, start: number, days: number): void {
  const count = messages / PER_CONVERSATION;
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, channel_id, merchant_id, customer_id, state, agent_id, created_at, queued_at, data, timer_due_at)
     VALUES (@id, @channel_id, @merchant_id, @customer_id, @state, @agent_id, @created_at, @queued_at, @data, @timer_due_at)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, channel_id, conversation_id, created_at, wechat_msg_id, delivery, data)
     VALUES (@id, @channel_id, @conversation_id, @created_at, @wechat_msg_id, @delivery, @data)`,
  );
  for (let from = 0; from < count; from += BATCH) {
    db.transaction(() => {
      for (let c = from; c < Math.min(count, from + BATCH); c++) {
        const { conversation: v, messages: ms } = conversationOf(c, count, start, days);
        insertConversation.run(conversationToRow(v, undefined));
        for (const m of ms) insertMessage.run(messageToRow(m));
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
