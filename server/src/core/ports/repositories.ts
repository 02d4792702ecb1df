// Ports: where the conversation engine keeps its data. Storage-agnostic on purpose (SQLite today,
// PostgreSQL later): plain records in and out, no query language, no storage ids leaking. Every method
// is called inside a UnitOfWork, so implementations may assume they run in its transaction.
// `merchantId: string | undefined` is always an exact match: undefined means the platform's own team.
import type { Agent } from '../model/agent';
import type { Conversation, ConversationState } from '../model/conversation';
import type { Customer } from '../model/customer';
import type { Merchant } from '../model/merchant';
import type { Delivery, Message } from '../model/message';
import type { RoutingSettingsPatch } from '../model/routing-settings';
import type { SkillGroup } from '../model/skill-group';
import type { WorkCalendar } from '../model/work-calendar';

export interface CustomerRepository {
  get(id: string): Promise<Customer | undefined>;
  findByOpenid(channelId: string, openid: string): Promise<Customer | undefined>;
  /** Insert or replace the whole record. (channelId, openid) is unique. */
  save(customer: Customer): Promise<void>;
  /** The customers of every channel with this UnionID (whatever its source), by id. */
  listByUnionId(unionId: string): Promise<Customer[]>;
}

export interface ConversationListQuery {
  channelId: string;
  /** Present: only this merchant's (undefined inside: the platform team's); absent: every merchant. */
  merchant?: { merchantId: string | undefined };
  states?: readonly ConversationState[];
  agentId?: string;
  customerId?: string;
  /** Newest first by createdAt then id; at most `limit` (implementations may cap it). */
  limit?: number;
  /** Paging: only conversations created strictly before this instant. */
  createdBefore?: number;
}

export interface ConversationRepository {
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Insert or replace the whole record. `timerDueAt`: when the timer sweep must look at it next (the
   * earliest of its timers, app/support/timer-due.ts works it out on every save a story makes);
   * absent: never, no timer runs.
   */
  save(conversation: Conversation, timerDueAt?: number): Promise<void>;
  /** The customer's open (not ended) conversation with this merchant; the engine keeps at most one. */
  findOpen(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined>;
  /** Every open conversation of the customer, any merchant. */
  listOpenByCustomer(customerId: string): Promise<Conversation[]>;
  /** The customer's most recent conversation (by createdAt) with this merchant that had an agent. */
  findLatestWithAgent(customerId: string, merchantId: string | undefined): Promise<Conversation | undefined>;
  /** Queued conversations of one merchant, oldest first: by queuedAt, then id. */
  listQueued(channelId: string, merchantId: string | undefined): Promise<Conversation[]>;
  /** Every open conversation of the channel (the test clock walks them). */
  listOpen(channelId: string): Promise<Conversation[]>;
  /**
   * The ids of the channel's open conversations whose stored `timerDueAt` is at or before `now`, by id:
   * what the timer sweep looks at, from an index, instead of every open conversation. Saving routing
   * settings, a skill group or a work calendar sets the stored instant of every open conversation they
   * may govern to 0, so those are looked at again under what changed.
   */
  listTimerDue(channelId: string, now: number): Promise<string[]>;
  /** The stored timerDueAt of the conversation; undefined when none (or no such conversation). */
  timerDueOf(id: string): Promise<number | undefined>;
  /** Conversations in `state` held by the agent. */
  listByAgent(agentId: string, state: ConversationState): Promise<Conversation[]>;
  /** How many conversations each agent holds in state `assigned`; agents with none may be absent. */
  countAssigned(agentIds: readonly string[]): Promise<Map<string, number>>;
  /** For the API and workbench. */
  list(query: ConversationListQuery): Promise<Conversation[]>;
}

export interface MessageListQuery {
  /** Oldest first; with `before`, the `limit` messages just before that createdAt. */
  limit?: number;
  before?: number;
}

export interface MessageRepository {
  get(id: string): Promise<Message | undefined>;
  /** Insert. (channelId, wechatMsgId) is unique: a second insert of the same MsgId must fail. */
  add(message: Message): Promise<void>;
  findByWechatMsgId(channelId: string, wechatMsgId: string): Promise<Message | undefined>;
  listByConversation(conversationId: string, query?: MessageListQuery): Promise<Message[]>;
  /** The newest message of each of these conversations that has one (a list's previews, in one query). */
  lastOfConversations(conversationIds: readonly string[]): Promise<Message[]>;
  setDelivery(id: string, delivery: Delivery): Promise<void>;
}

export interface AgentRepository {
  get(id: string): Promise<Agent | undefined>;
  save(agent: Agent): Promise<void>;
  /** The agents of exactly this merchant (undefined: the platform team). */
  listByMerchant(channelId: string, merchantId: string | undefined): Promise<Agent[]>;
  /** Every agent of the channel, all merchants. */
  listByChannel(channelId: string): Promise<Agent[]>;
  /** The agent bound to this WeChat openid on the channel (the first by id, should there be two). */
  findByWechatOpenid(channelId: string, openid: string): Promise<Agent | undefined>;
  /** The agents of exactly this merchant whose name is one of `names`, by id. */
  listByNames(channelId: string, merchantId: string | undefined, names: readonly string[]): Promise<Agent[]>;
  /** Deletes the record (nothing when it is gone); callers first make sure nothing refers to it. */
  remove(id: string): Promise<void>;
}

/** Saving a group, a calendar or settings: its merchant's open conversations look at their timers again (listTimerDue); the platform's level, the channel's. */
export interface SkillGroupRepository {
  get(id: string): Promise<SkillGroup | undefined>;
  save(group: SkillGroup): Promise<void>;
  listByMerchant(channelId: string, merchantId: string | undefined): Promise<SkillGroup[]>;
  /** Deletes the record (nothing when it is gone); callers first make sure nothing refers to it. */
  remove(id: string): Promise<void>;
}

export interface CalendarRepository {
  get(id: string): Promise<WorkCalendar | undefined>;
  save(calendar: WorkCalendar): Promise<void>;
  listByMerchant(channelId: string, merchantId: string | undefined): Promise<WorkCalendar[]>;
  /** Deletes the record (nothing when it is gone); callers first make sure nothing refers to it. */
  remove(id: string): Promise<void>;
}

export interface SettingsRepository {
  /** The stored level: the channel's when merchantId is undefined, else that merchant's overrides. */
  get(channelId: string, merchantId: string | undefined): Promise<RoutingSettingsPatch | undefined>;
  save(channelId: string, merchantId: string | undefined, settings: RoutingSettingsPatch): Promise<void>;
}

export interface MerchantRepository {
  get(id: string): Promise<Merchant | undefined>;
  /** platform_action.customerCode → merchant; (channelId, code) is unique. */
  findByCode(channelId: string, code: string): Promise<Merchant | undefined>;
  save(merchant: Merchant): Promise<void>;
  listByChannel(channelId: string): Promise<Merchant[]>;
  /** Deletes the record (nothing when it is gone); callers first make sure nothing refers to it. */
  remove(id: string): Promise<void>;
}
