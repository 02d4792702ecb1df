// The tables of the in-memory store: plain maps, cloned as a whole for rollback.
import type { Agent } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { Customer } from '../model/customer';
import type { ConversationNote, Tag } from '../model/desk';
import type { Merchant } from '../model/merchant';
import type { Message } from '../model/message';
import type { RoutingSettingsPatch } from '../model/routing-settings';
import type { SkillGroup } from '../model/skill-group';
import type { WorkCalendar } from '../model/work-calendar';
import type { AuditEntry } from '../ports/audit-log';
import type { OutboxItem } from '../ports/outbox';

export interface InMemoryData {
  customers: Map<string, Customer>;
  conversations: Map<string, Conversation>;
  /** Key: conversation id; value: its stored timerDueAt (ConversationRepository.save); absent: none. */
  timerDue: Map<string, number>;
  messages: Map<string, Message>;
  agents: Map<string, Agent>;
  groups: Map<string, SkillGroup>;
  calendars: Map<string, WorkCalendar>;
  /** Key: `${channelId}|${merchantId ?? ''}`. */
  settings: Map<string, RoutingSettingsPatch>;
  merchants: Map<string, Merchant>;
  notes: Map<string, ConversationNote>;
  tags: Map<string, Tag>;
  /** Key: conversation id; value: its tag ids. */
  conversationTags: Map<string, string[]>;
  /** Key: `${customerId}|${merchantId ?? ''}`; value: the customer's tag ids of that merchant. */
  customerTags: Map<string, string[]>;
  outbox: OutboxItem[];
  /** The audit log's entries written inside units. */
  audit: AuditEntry[];
}

export function emptyData(): InMemoryData {
  return {
    customers: new Map(),
    conversations: new Map(),
    timerDue: new Map(),
    messages: new Map(),
    agents: new Map(),
    groups: new Map(),
    calendars: new Map(),
    settings: new Map(),
    merchants: new Map(),
    notes: new Map(),
    tags: new Map(),
    conversationTags: new Map(),
    customerTags: new Map(),
    outbox: [],
    audit: [],
  };
}

/** Records go in and come out as copies, as with a real database: callers never share state with the store. */
export const copy = <T>(value: T): T => structuredClone(value);

export const sameMerchant = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');
