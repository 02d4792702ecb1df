// The Reports port over the in-memory store: the reference the SQLite adapter is tested against, and
// what API tests on the in-memory engine use.
import type { Conversation } from '../model/conversation';
import type {
  ConversationExportRow,
  ConversationFacts,
  ConversationTimes,
  MessageExportRow,
  ReportFilter,
  ReportScope,
  Reports,
  TimeRange,
} from '../ports/reports';
import { factsOf } from './in-memory-report-facts';
import type { InMemoryStore } from './in-memory-store';

const inScope = (c: Conversation, s: ReportScope) =>
  c.channelId === s.channelId && (!s.merchant || (c.merchantId ?? '') === (s.merchant.merchantId ?? ''));
const inRange = (c: { createdAt: number }, r: TimeRange) => c.createdAt >= r.from && c.createdAt < r.to;
const oldestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class InMemoryReports implements Reports {
  constructor(private readonly store: InMemoryStore) {}

  async conversationTimes(scope: ReportScope, range: TimeRange): Promise<ConversationTimes[]> {
    return this.created(scope, range).map(
      ({ state, createdAt, queuedAt, assignedAt, firstAgentResponseAt, leftMessageAt, endedAt, csat }) => ({
        state,
        createdAt,
        ...(queuedAt !== undefined && { queuedAt }),
        ...(assignedAt !== undefined && { assignedAt }),
        ...(firstAgentResponseAt !== undefined && { firstAgentResponseAt }),
        ...(leftMessageAt !== undefined && { leftMessageAt }),
        ...(endedAt !== undefined && { endedAt }),
        ...(csat !== undefined && { csatRequestedAt: csat.requestedAt }),
        ...(csat?.rating !== undefined && { csatRating: csat.rating }),
      }),
    );
  }

  async conversationFacts(scope: ReportScope, filter: ReportFilter, range: TimeRange): Promise<ConversationFacts[]> {
    const chosen = this.created(scope, range).filter(
      (c) =>
        (filter.groupId === undefined || c.groupId === filter.groupId) && (filter.agentId === undefined || c.agentId === filter.agentId),
    );
    const messages = [...this.store.data.messages.values()];
    return chosen.map((c) =>
      factsOf(
        c,
        messages.filter((m) => m.conversationId === c.id),
      ),
    );
  }

  async countQueued(scope: ReportScope): Promise<number> {
    return [...this.store.data.conversations.values()].filter((c) => inScope(c, scope) && c.state === 'queued').length;
  }

  async conversationPage(
    scope: ReportScope,
    range: TimeRange,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: ConversationExportRow[] }> {
    const all = this.created(scope, range).sort(oldestFirst);
    const messages = [...this.store.data.messages.values()];
    const rows = all.slice(offset, offset + limit).map((conversation) => {
      const customer = this.store.data.customers.get(conversation.customerId);
      const mine = messages.filter((m) => m.conversationId === conversation.id);
      return {
        conversation: structuredClone(conversation),
        ...(customer && { customer: { openid: customer.openid, ...(customer.nickname !== undefined && { nickname: customer.nickname }) } }),
        messagesIn: mine.filter((m) => m.direction === 'in').length,
        messagesOut: mine.filter((m) => m.direction === 'out').length,
      };
    });
    return { total: all.length, rows };
  }

  private created(scope: ReportScope, range: TimeRange): Conversation[] {
    return [...this.store.data.conversations.values()].filter((c) => inScope(c, scope) && inRange(c, range));
  }

  async messagePage(
    scope: ReportScope,
    range: TimeRange,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: MessageExportRow[] }> {
    const conversations = this.store.data.conversations;
    const all = [...this.store.data.messages.values()]
      .filter((m) => {
        const c = conversations.get(m.conversationId);
        return m.channelId === scope.channelId && c !== undefined && inScope(c, scope) && inRange(m, range);
      })
      .sort(oldestFirst);
    const rows = all.slice(offset, offset + limit).map((message) => {
      const c = conversations.get(message.conversationId);
      const customer = c && this.store.data.customers.get(c.customerId);
      return {
        message: structuredClone(message),
        ...(c?.merchantId !== undefined && { merchantId: c.merchantId }),
        ...(customer && { customer: { openid: customer.openid, ...(customer.nickname !== undefined && { nickname: customer.nickname }) } }),
      };
    });
    return { total: all.length, rows };
  }
}
