// Writing an internal note inside a unit of work: kept beside the conversation, never put in the outbox
// (the customer is never sent a note), and announced to the workbenches that show the conversation.
import { EngineError } from '../../core/errors';
import type { Conversation } from '../../core/model/conversation';
import { type ConversationNote, NOTE_MAX_CHARS, type NoteAuthor } from '../../core/model/desk';
import type { Work } from './engine-deps';

/** The note's text as kept: trimmed; empty or too long is refused, never cut. */
export function noteText(text: string): string {
  const kept = text.trim();
  if (kept === '') throw new EngineError('invalid_input', 'a note needs some text');
  if ([...kept].length > NOTE_MAX_CHARS) throw new EngineError('invalid_input', `a note has at most ${NOTE_MAX_CHARS} characters`);
  return kept;
}

export async function writeNote(
  w: Work,
  c: Conversation,
  author: NoteAuthor,
  text: string,
  options: { transfer?: boolean } = {},
): Promise<ConversationNote> {
  const note: ConversationNote = {
    id: w.ids.next('note'),
    channelId: c.channelId,
    ...(c.merchantId !== undefined && { merchantId: c.merchantId }),
    conversationId: c.id,
    author,
    text: noteText(text),
    createdAt: w.now,
    ...(options.transfer && { transfer: true }),
  };
  await w.tx.notes.add(note);
  w.notices.push({
    type: 'note_added',
    channelId: c.channelId,
    ...(c.merchantId !== undefined && { merchantId: c.merchantId }),
    conversationId: c.id,
    noteId: note.id,
    ...(c.agentId !== undefined && { agentId: c.agentId }),
  });
  return note;
}
