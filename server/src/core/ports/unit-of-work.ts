// Port: one atomic step over every repository and the outbox.
import type { Outbox } from './outbox';
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
  outbox: Outbox;
  /** Webhook deliveries stored with the change they tell of; absent where no webhooks are kept (test fakes). */
  webhooks?: WebhookOutbox;
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
   * atomic on its own. Adapters without it are used one unit at a time; callers check for it.
   */
  batch?<T>(body: (uow: UnitOfWork) => Promise<T>): Promise<T>;
}
