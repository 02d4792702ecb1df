// What a batch of pushes looks up first, read for the whole batch in three statements when its
// transaction begins (UnitOfWork.batch's hint): each push's MsgId (was it stored already?), its
// customer by openid, and those customers' open conversations. Each push's unit then finds them here
// instead of paying a round trip for each; and for the whole transaction, the merchant's queue.
//
// Why answering from here is safe: the batch is one SERIALIZABLE transaction, so every statement in it
// sees the snapshot its first took, plus its own writes; the writes of these tables go through the
// repositories, which tell this object (a message stored, a customer or conversation saved), so it
// answers what a fresh read would. A key it was not asked to read ahead is "unknown" and read as
// before. It lives for one transaction (one attempt of a batch) and is dropped with it.
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import type { BatchHint } from '../../core/ports/unit-of-work';
import type { ConversationRow } from '../conversation-row';
import { messageFromRow, type MessageRow } from '../message-row';
import { merchantKey } from '../record-codec';
import { conversationFromRow } from '../sqlite-conversations';
import { keyOf } from '../unit-cache';
import { customerOf, type CustomerRow } from './pg-customer-row';
import type { Queryable } from './pool';

/** Known (the value, possibly undefined: "there is none") or not read ahead. */
export type Known<V> = { value: V } | undefined;

const byNewest = (a: Conversation, b: Conversation) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export class ReadAhead {
  private readonly messages = new Map<string, Message | undefined>();
  private readonly customers = new Map<string, Customer | undefined>();
  /** Every conversation of these customers that was open at the snapshot or saved since, by customer id. */
  private readonly conversations = new Map<string, Map<string, Conversation>>();
  private readonly queued = new Map<string, Conversation[]>();

  /** Reads what the hint names, inside the transaction (three statements). */
  async load(db: Queryable, hint: BatchHint): Promise<void> {
    const withMsg = hint.pushes.filter((p) => p.wechatMsgId !== undefined);
    for (const p of withMsg) this.messages.set(keyOf(p.channelId, p.wechatMsgId as string), undefined);
    if (withMsg.length > 0) {
      const { rows } = await db.query<MessageRow>(
        'SELECT * FROM messages WHERE (channel_id, wechat_msg_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
        [withMsg.map((p) => p.channelId), withMsg.map((p) => p.wechatMsgId)],
      );
      for (const r of rows) this.messages.set(keyOf(r.channel_id, r.wechat_msg_id as string), messageFromRow(r));
    }
    if (hint.pushes.length === 0) return;
    for (const p of hint.pushes) this.customers.set(keyOf(p.channelId, p.openid), undefined);
    const customers = await db.query<CustomerRow>(
      'SELECT * FROM customers WHERE (channel_id, openid) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
      [hint.pushes.map((p) => p.channelId), hint.pushes.map((p) => p.openid)],
    );
    const found = customers.rows.map(customerOf);
    for (const c of found) {
      this.customers.set(keyOf(c.channelId, c.openid), c);
      this.conversations.set(c.id, new Map());
    }
    if (found.length === 0) return;
    const { rows } = await db.query<ConversationRow>(
      "SELECT * FROM conversations WHERE customer_id = ANY($1::text[]) AND state <> 'ended'",
      [found.map((c) => c.id)],
    );
    for (const c of rows.map(conversationFromRow)) this.conversations.get(c.customerId)?.set(c.id, c);
  }

  message(channelId: string, wechatMsgId: string): Known<Message | undefined> {
    const key = keyOf(channelId, wechatMsgId);
    return this.messages.has(key) ? { value: this.messages.get(key) } : undefined;
  }

  stored(m: Message): void {
    if (m.wechatMsgId !== undefined) this.messages.set(keyOf(m.channelId, m.wechatMsgId), m);
  }

  customer(channelId: string, openid: string): Known<Customer | undefined> {
    const key = keyOf(channelId, openid);
    return this.customers.has(key) ? { value: this.customers.get(key) } : undefined;
  }

  /** A customer saved: found by its openid from now on (and no longer by an openid it had before). */
  savedCustomer(c: Customer): void {
    for (const [key, kept] of this.customers) if (kept?.id === c.id) this.customers.delete(key);
    this.customers.set(keyOf(c.channelId, c.openid), c);
  }

  /** The customer's newest open conversation with the merchant, as findOpen's query orders them. */
  openConversation(customerId: string, merchantId: string | undefined): Known<Conversation | undefined> {
    const all = this.conversations.get(customerId);
    if (all === undefined) return undefined;
    const open = [...all.values()].filter((c) => c.state !== 'ended' && merchantKey(c.merchantId) === merchantKey(merchantId));
    return { value: open.sort(byNewest)[0] };
  }

  queue(channelId: string, merchantId: string | undefined): Known<Conversation[]> {
    const kept = this.queued.get(keyOf(channelId, merchantKey(merchantId)));
    return kept && { value: kept.slice() };
  }

  keepQueue(channelId: string, merchantId: string | undefined, queue: Conversation[]): void {
    this.queued.set(keyOf(channelId, merchantKey(merchantId)), queue.slice());
  }

  savedConversation(c: Conversation): void {
    this.conversations.get(c.customerId)?.set(c.id, c);
    // A queue changes when a conversation joins it or leaves it; saving any other leaves it as it was.
    for (const [key, queue] of this.queued) if (c.state === 'queued' || queue.some((q) => q.id === c.id)) this.queued.delete(key);
  }
}
