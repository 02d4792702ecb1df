// Reading conversations and their messages, newest first, page by page; the customer's send window.
import { z } from 'zod';
import { sendWindowOf } from '../../../app/index';
import type { ApiContext } from '../api-context';
import { merchantFilter } from '../auth/policy';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { channelParams, id, list } from '../../../contract/common';
import { conversation, conversationList, conversationQuery, message, messageQuery, sendWindow } from '../../../contract/conversation';
import { messageView } from '../views/message-view';
import { channelInReach, conversationInReach } from './lookups';

const TAG = 'conversations';
export const conversationParams = z.strictObject({ conversationId: id });

export function conversationRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get', path: '/channels/:channelId/conversations', tag: TAG, summary: 'List conversations, each with its newest message (filters: state, agent, customer, merchant; paging by `before`)', roles: ALL_ROLES,
      params: channelParams, query: conversationQuery, response: conversationList,
      handle: async ({ principal, params, query }) => {
        await channelInReach(ctx, principal, params.channelId);
        const merchant = merchantFilter(principal, params.channelId, query.merchantId);
        const { conversations, lastMessages } = await ctx.tx(async (tx) => {
          const found = await tx.conversations.list({
            channelId: params.channelId,
            ...(merchant && { merchant }),
            ...(query.state && { states: query.state }),
            ...(query.agentId !== undefined && { agentId: query.agentId }),
            ...(query.customerId !== undefined && { customerId: query.customerId }),
            ...(query.before !== undefined && { createdBefore: query.before }),
            limit: query.limit,
          });
          // Each item's newest message, for the list's previews: one query for the page, not one per item.
          return { conversations: found, lastMessages: await tx.messages.lastOfConversations(found.map((c) => c.id)) };
        });
        const lastOf = new Map(lastMessages.map((m) => [m.conversationId, messageView(m)]));
        const items = conversations.map((c) => {
          const lastMessage = lastOf.get(c.id);
          return lastMessage ? { ...c, lastMessage } : c;
        });
        // A full page may have more behind it. Conversations created in the same millisecond as the last one
        // can be skipped by the cursor; the port pages by instant only (see the report).
        const last = items.at(-1);
        return { items, ...(items.length === query.limit && last && { nextBefore: last.createdAt }) };
      },
    }),
    route({
      method: 'get', path: '/conversations/:conversationId', tag: TAG, summary: 'Read a conversation', roles: ALL_ROLES, params: conversationParams, response: conversation,
      handle: async ({ principal, params }) => conversationInReach(ctx, principal, params.conversationId),
    }),
    route({
      method: 'get', path: '/conversations/:conversationId/messages', tag: TAG, summary: 'A conversation’s messages, oldest first (`before` pages back)', roles: ALL_ROLES,
      params: conversationParams, query: messageQuery, response: list(message),
      handle: async ({ principal, params, query }) => {
        const c = await conversationInReach(ctx, principal, params.conversationId);
        const items = await ctx.tx((tx) => tx.messages.listByConversation(c.id, { limit: query.limit, ...(query.before !== undefined && { before: query.before }) }));
        return { items: items.map(messageView) };
      },
    }),
    route({
      method: 'get', path: '/conversations/:conversationId/send-window', tag: TAG, summary: 'What WeChat’s send window leaves for this customer', roles: ALL_ROLES,
      params: conversationParams, response: sendWindow,
      handle: async ({ principal, params }) => {
        const c = await conversationInReach(ctx, principal, params.conversationId);
        return sendWindowOf(ctx.engine, c.id);
      },
    }),
  ];
}
