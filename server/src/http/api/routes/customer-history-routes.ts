// The customer's history: their earlier conversations (and the same person's on the team's other
// channels), each openable read-only through the conversation routes. Who sees what: app/admin/customer-history.ts.
import { z } from 'zod';
import { customerHistory as readHistory } from '../../../app/admin/customer-history';
import { id } from '../../../contract/common';
import { customerHistory, customerHistoryQuery } from '../../../contract/customer-history';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { conversationView } from '../views/conversation-view';
import { messageView } from '../views/message-view';

export function customerHistoryRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/customers/:customerId/conversations',
      tag: 'customers',
      summary: 'The customer’s conversations, newest first, with the same person’s on other channels (verified UnionID)',
      description:
        'Each item is a conversation the caller may read (GET /conversations/:id and its messages), with its newest message; `linked` marks another channel’s customer with the same verified UnionID. Agents and merchant admins see their own channel and merchant only.',
      roles: ALL_ROLES,
      params: z.strictObject({ customerId: id }),
      query: customerHistoryQuery,
      response: customerHistory,
      handle: async ({ principal, params, query }) => {
        const page = await readHistory(ctx.admin, principal, params.customerId, query);
        const items = page.items.map(({ conversation, lastMessage, linked }) => ({
          ...conversationView(conversation),
          ...(lastMessage && { lastMessage: messageView(lastMessage) }),
          linked,
        }));
        return { items, ...(page.nextBefore !== undefined && { nextBefore: page.nextBefore }) };
      },
    }),
  ];
}
