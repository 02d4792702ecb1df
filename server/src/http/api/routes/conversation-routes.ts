// Reading conversations and their messages, newest first, page by page; the customer's send window.
// Who may read what is the stories' (app/admin/conversations.ts).
import { z } from 'zod';
import { conversationMessages, listConversations, readConversation } from '../../../app/admin/conversations';
import { sendWindowOf } from '../../../app/index';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list } from '../../../contract/common';
import { conversation, conversationList, conversationQuery, message, messageQuery, sendWindow } from '../../../contract/conversation';
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
      roles: ALL_ROLES,
      params: channelParams,
      query: conversationQuery,
      response: conversationList,
      handle: async ({ principal, params, query }) => {
        const page = await listConversations(ctx.admin, principal, params.channelId, query);
        const items = page.items.map(({ conversation: c, lastMessage }) =>
          lastMessage ? { ...c, lastMessage: messageView(lastMessage) } : c,
        );
        return { items, ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }) };
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId',
      tag: TAG,
      summary: 'Read a conversation',
      roles: ALL_ROLES,
      params: conversationParams,
      response: conversation,
      handle: async ({ principal, params }) => readConversation(ctx.admin, principal, params.conversationId),
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
