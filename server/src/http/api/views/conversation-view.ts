// A conversation as the API shows it: the stored record without its history (GET
// /conversations/:id/events serves that), plus, while queued, its place in the line.
import type { Conversation } from '../../../core/model/conversation';

export type ConversationView = Omit<Conversation, 'history'> & { queuePosition?: number };

export function conversationView(c: Conversation, queuePosition?: number): ConversationView {
  const { history: _history, ...rest } = c;
  return queuePosition === undefined ? rest : { ...rest, queuePosition };
}
