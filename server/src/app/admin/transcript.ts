// One conversation as a readable transcript (HTML or CSV, exports/): the conversation, its customer, its
// channel's name, every message oldest first (up to TRANSCRIPT_MAX_MESSAGES) and the names that make
// them readable. Whoever may read the conversation may export it.
import type { Conversation } from '../../core/model/conversation';
import type { Customer } from '../../core/model/customer';
import type { Message } from '../../core/model/message';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { conversationInReach } from './reach';
import { namesOf } from './reports';

export const TRANSCRIPT_MAX_MESSAGES = 10_000;

export interface TranscriptData {
  conversation: Conversation;
  customer?: Customer;
  channelName: string;
  messages: Message[];
  names: { merchants: Map<string, string>; agents: Map<string, string> };
}

export async function conversationTranscript(deps: AdminDeps, p: Principal, conversationId: string): Promise<TranscriptData> {
  const conversation = await conversationInReach(deps, p, conversationId);
  const { customer, messages } = await deps.uow.run(async (tx) => ({
    customer: await tx.customers.get(conversation.customerId),
    messages: await tx.messages.listByConversation(conversation.id, { limit: TRANSCRIPT_MAX_MESSAGES }),
  }));
  const channelName = (await deps.channels.get(conversation.channelId))?.name ?? conversation.channelId;
  const names = await namesOf(deps, conversation.channelId);
  return { conversation, ...(customer && { customer }), channelName, messages, names };
}
