// Story: internal notes on a conversation. Whoever may see the conversation (conversation-access.ts: its
// agent, colleagues unless their settings hide it, admins within reach) reads its notes and may add one;
// a note is never sent to the customer: it goes to its own table, never to the outbox.
import type { ConversationNote, NoteAuthor } from '../../core/model/desk';
import { conversationInReach } from '../admin/reach';
import type { Principal } from '../auth/principal';
import { inUnit } from '../support/engine-deps';
import { writeNote } from '../support/write-note';
import type { DeskDeps } from './desk-deps';

/** An agent writes as themselves; an admin (not an agent) as their role. */
export const noteAuthorOf = (p: Principal): NoteAuthor =>
  p.role === 'agent' ? { kind: 'agent', agentId: p.agentId } : { kind: 'admin', name: p.role };

export async function addNote(deps: DeskDeps, p: Principal, conversationId: string, text: string): Promise<ConversationNote> {
  await conversationInReach(deps.admin, p, conversationId);
  return inUnit(deps.engine, async (w) => {
    // Read again inside the unit: the note is announced to whoever holds the conversation now.
    const c = await w.tx.conversations.get(conversationId);
    if (!c) throw new Error(`conversation ${conversationId} vanished`);
    return writeNote(w, c, noteAuthorOf(p), text);
  });
}

export async function listNotes(deps: DeskDeps, p: Principal, conversationId: string): Promise<ConversationNote[]> {
  const c = await conversationInReach(deps.admin, p, conversationId);
  return deps.admin.uow.run((tx) => tx.notes.listByConversation(c.id));
}
