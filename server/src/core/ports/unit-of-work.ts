// Port: one atomic step over every repository and the outbox.
import type { AuditWriter } from './audit-log';
import type { NoteRepository, TagRepository } from './desk-repositories';
import type { Outbox } from './outbox';
import type { ReferenceRepository } from './references';
import type { WebhookOutbox } from './webhook-store';
import type {
  AgentRepository,
  CalendarRepository,
  ConversationRepository,
  CustomerRepository,
  MerchantRepository,
  MessageRepository,
  SettingsRepository,
  SkillGroupRepository,
} from './repositories';

export interface Transaction {
  customers: CustomerRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  agents: AgentRepository;
  groups: SkillGroupRepository;
  calendars: CalendarRepository;
  settings: SettingsRepository;
  merchants: MerchantRepository;
  notes: NoteRepository;
  tags: TagRepository;
  /** What still refers to an agent, a group, a merchant or a channel (deleting one). */
  references: ReferenceRepository;
  outbox: Outbox;
  /** Webhook deliveries stored with the change they tell of; absent where no webhooks are kept (test fakes). */
  webhooks?: WebhookOutbox;
  /** The audit log's entries stored with the change they record; absent in test fakes that keep no log. */
  audit?: AuditWriter;
}

/**
 * What a batch's units will look up first, one entry per push: the customer by openid and the push's
 * MsgId. Only a hint: an adapter may read it all ahead in one go (PostgreSQL does), or ignore it.
 */
export interface BatchHint {
  pushes: ReadonlyArray<{ channelId: string; openid: string; wechatMsgId?: string }>;
}

export interface UnitOfWork {
  /**
   * Runs `work` atomically: its writes commit together when it resolves and not at all when it throws
   * (the error is rethrown). Units touching the same channel never interleave, so two routing decisions
   * never hand out the same free seat. `work` does no I/O except through `tx`.
   */
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Optional: runs the units `body` starts through the given unit of work under one commit, each still
   * atomic on its own (a unit that throws leaves nothing behind and the others commit). An adapter may
   * run `body` again from the start, units and all (PostgreSQL after a serialization failure or a
   * failed unit): `body` keeps what it collects inside itself and returns it, and starts the same units
   * in the same order each time. Adapters without it are used one unit at a time; callers check for it.
   */
  batch?<T>(body: (uow: UnitOfWork) => Promise<T>, hint?: BatchHint): Promise<T>;
}
