// What the desk's routes (notes, tags, search) and the conversation list share: the stories' deps and
// a search page as the API answers it (the conversation list's items, with the matching message).
import type { DeskDeps } from '../../../app/desk/desk-deps';
import type { SearchPage } from '../../../app/desk/search';
import type { ApiContext } from '../api-context';
import { conversationView } from '../views/conversation-view';
import { messageView } from '../views/message-view';

export const deskDeps = (ctx: ApiContext): DeskDeps => ({
  engine: ctx.engine,
  admin: ctx.admin,
  ...(ctx.search && { search: ctx.search }),
});

export function searchAnswer(page: SearchPage) {
  const items = page.items.map(({ conversation, match, lastMessage, tagIds }) => ({
    ...conversationView(conversation),
    ...(lastMessage && { lastMessage: messageView(lastMessage) }),
    ...(match && { match: messageView(match) }),
    tagIds,
  }));
  return { items, ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }) };
}
