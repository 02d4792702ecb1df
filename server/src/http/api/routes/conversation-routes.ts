// Reading conversations and their messages, newest first, page by page; the customer's send window.
// Who may read what is the stories' (app/admin/conversations.ts).
import { z } from 'zod';
import {
  conversationEvents,
  conversationMessages,
  listConversations,
  readConversation,
  readConversationNow,
} from '../../../app/admin/conversations';
import { sendWindowOf } from '../../../app/index';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list } from '../../../contract/common';
import {
  conversation,
  conversationEvent,
  conversationList,
  conversationQuery,
  message,
  messageQuery,
  sendWindow,
} from '../../../contract/conversation';
import { conversationView } from '../views/conversation-view';
import { searchConversations } from '../../../app/desk/search';
import { tagsOfConversations } from '../../../app/desk/tags';
import { deskDeps, searchAnswer } from './desk-support';
import { messageView } from '../views/message-view';

const TAG = 'conversations';
export const conversationParams = z.strictObject({ conversationId: id });

export function conversationRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/conversations',
      tag: TAG,
      summary: 'List conversations, each with its newest message (filters: state, agent, customer, merchant; paging by `before`)',
      description:
        'Newest first. `state=left_message` is the list of left messages (留言) waiting for an agent; each of those items carries its customer’s send `window` and `lastCustomerMessage`.',
      roles: ALL_ROLES,
      params: channelParams,
      query: conversationQuery,
      response: conversationList,
      handle: async ({ principal, params, query }) => {
        if (query.tagId !== undefined) return searchAnswer(await searchConversations(deskDeps(ctx), principal, params.channelId, query));
        const page = await listConversations(ctx.admin, principal, params.channelId, query);
        const tags = await tagsOfConversations(
          deskDeps(ctx),
          page.items.map((i) => i.conversation.id),
        );
        const items = page.items.map(({ conversation: c, lastMessage, window, lastCustomerMessage }) => ({
          ...conversationView(c),
          ...(lastMessage && { lastMessage: messageView(lastMessage) }),
          ...(window && { window }),
          ...(lastCustomerMessage && { lastCustomerMessage: messageView(lastCustomerMessage) }),
          tagIds: tags.get(c.id) ?? [],
        }));
        return { items, ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }) };
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId',
      tag: TAG,
      summary: 'Read a conversation: its state, assignee, queue target and position, and why it ended',
      roles: ALL_ROLES,
      params: conversationParams,
      response: conversation,
      handle: async ({ principal, params }) => {
        const { conversation: c, queuePosition } = await readConversationNow(ctx.admin, principal, params.conversationId);
        return conversationView(c, queuePosition);
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId/events',
      tag: TAG,
      summary: 'What happened to a conversation, oldest first: assigned, taken, transferred, queued, left_message, ended',
      roles: ALL_ROLES,
      params: conversationParams,
      response: list(conversationEvent),
      handle: async ({ principal, params }) => ({ items: await conversationEvents(ctx.admin, principal, params.conversationId) }),
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId/messages',
      tag: TAG,
      summary: 'A conversation’s messages, oldest first (`before` pages back)',
      roles: ALL_ROLES,
      params: conversationParams,
      query: messageQuery,
      response: list(message),
      handle: async ({ principal, params, query }) => ({
        items: (await conversationMessages(ctx.admin, principal, params.conversationId, query)).map(messageView),
      }),
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId/send-window',
      tag: TAG,
      summary: 'What WeChat’s send window leaves for this customer',
      roles: ALL_ROLES,
      params: conversationParams,
      response: sendWindow,
      handle: async ({ principal, params }) => {
        const c = await readConversation(ctx.admin, principal, params.conversationId);
        return sendWindowOf(ctx.engine, c.id);
      },
    }),
  ];
}
