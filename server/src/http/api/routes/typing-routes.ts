// The agent's typing: the workbench says when the agent types to a customer (and when they stop), and
// WeChat's typing indicator is sent when its rules allow (app/agent-typing.ts); the answer says what went.
import { z } from 'zod';
import { agentTyping } from '../../../app/agent-typing';
import { conversationInReach } from '../../../app/admin/reach';
import { forbidden, notFound } from '../../../app/errors';
import type { ApiContext } from '../api-context';
import { route, type ApiRoute } from '../route-table';
import { conversationParams } from './conversation-routes';

const typingBody = z.strictObject({ typing: z.boolean().describe('true: the agent is typing; false: they stopped') });
const typingAnswer = z.object({
  sent: z.enum(['Typing', 'CancelTyping']).optional().describe('what went to WeChat'),
  skipped: z
    .enum(['window_closed', 'no_recent_message', 'already_typing', 'not_typing', 'wechat_refused'])
    .optional()
    .describe('why nothing went: WeChat allows typing only within 30 s of the customer’s message, while a send is allowed, once per 15 s'),
});

export function typingRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/conversations/:conversationId/typing',
      tag: 'actions',
      summary: 'The agent is typing (or stopped): WeChat’s typing indicator is shown to the customer when its rules allow',
      description:
        'Only the agent holding the conversation. Sent only within 30 s of the customer’s last message (WeChat’s 45080), while a send is allowed, and not again while it shows (15 s, WeChat’s 45081); a message sent ends it.',
      roles: ['agent'],
      params: conversationParams,
      body: typingBody,
      response: typingAnswer,
      handle: async ({ principal, params, body }) => {
        if (!ctx.typing) throw notFound('typing');
        const c = await conversationInReach(ctx.admin, principal, params.conversationId);
        if (principal.role !== 'agent') throw forbidden('only the agent holding the conversation types to its customer');
        return agentTyping(ctx.typing, { conversationId: c.id, agentId: principal.agentId, typing: body.typing });
      },
    }),
  ];
}
