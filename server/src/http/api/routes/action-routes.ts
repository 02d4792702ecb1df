// Acting on a conversation as an agent: reply, transfer, end. Agents act as themselves; admins (an
// integration with an admin token, say) name the agent to reply as, and may transfer or end as admins.
import type { ApiContext } from '../api-context';
import { noteAuthorOf } from '../../../app/desk/notes';
import type { MessageContent } from '../../../core/model/message';
import {
  agentReply,
  checkMayReply,
  endConversation,
  takeLeftMessage,
  transferConversation,
  type EndedBy,
  type TransferRefusal,
} from '../../../app/index';
import type { Principal } from '../../../app/auth/principal';
import { ApiError, badRequest, forbidden } from '../../../app/errors';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { endBody, replyAnswer, replyBody, takeAnswer, takeBody, transferAnswer, transferBody } from '../../../contract/conversation';
import { agentInReach, conversationInReach } from '../../../app/admin/reach';
import { conversationParams } from './conversation-routes';
import { replyContents } from './reply-content';

const TAG = 'actions';

/** A refused transfer: 403 when the caller may not move it, 404 for a target that does not exist here, else 409. */
const TRANSFER_REFUSALS: Record<TransferRefusal, { status: number; message: string }> = {
  not_assignee: { status: 403, message: 'only the conversation’s agent (or an admin) may transfer it' },
  unknown_target: { status: 404, message: 'no such agent or skill group in this conversation’s merchant' },
  target_unavailable: { status: 409, message: 'the target cannot take conversations now (offline, off duty or nobody signed in)' },
  target_full: { status: 409, message: 'the target is full (the agent has no room, or the group’s queue is full)' },
};

/** The agent the caller acts as: itself for agents; the named one (of the caller's merchant) for admins. */
async function actingAgent(ctx: ApiContext, p: Principal, named: string | undefined): Promise<string | undefined> {
  if (p.role === 'agent') {
    if (named !== undefined && named !== p.agentId) throw forbidden('agents act as themselves only');
    return p.agentId;
  }
  if (named === undefined) return undefined;
  return (await agentInReach(ctx.admin, p, named)).id;
}

export function actionRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'post',
      path: '/conversations/:conversationId/reply',
      tag: TAG,
      summary: 'Reply as the conversation’s agent: text, a picture, a mini program card, a knowledge entry or a quick reply',
      roles: ALL_ROLES,
      status: 202,
      description:
        'The body has exactly one of text, image, card, knowledge, quickReply. Accepted replies wait in the outbox (delivery pending); pictures are uploaded to WeChat just before sending. ' +
        'A reply WeChat’s send window would refuse is refused here with 409 and code window_closed or quota_used_up; nothing is recorded.',
      params: conversationParams,
      body: replyBody,
      response: replyAnswer,
      handle: async ({ principal, params, body }) => {
        const c = await conversationInReach(ctx.admin, principal, params.conversationId);
        const agentId = await actingAgent(ctx, principal, body.agentId);
        if (agentId === undefined) throw badRequest('body.agentId: admins must name the agent to reply as');
        await checkMayReply(ctx.engine, { conversationId: c.id, agentId });
        const contents = await replyContents(ctx, principal, c, body);
        // A knowledge entry's lead text goes first; the answer names the last message sent.
        let result = await agentReply(ctx.engine, { conversationId: c.id, agentId, content: contents[0] as MessageContent });
        for (const content of contents.slice(1)) {
          if (!result.ok) break;
          result = await agentReply(ctx.engine, { conversationId: c.id, agentId, content });
        }
        if (!result.ok) throw new ApiError(409, result.refusal.reason, result.refusal.explanation);
        return { messageId: result.messageId, delivery: { status: 'pending' as const }, window: result.window };
      },
    }),
    route({
      method: 'post',
      path: '/conversations/:conversationId/transfer',
      tag: TAG,
      summary:
        'Transfer to an agent, a skill group or back to the queue; refused with 403 not_assignee, 404 unknown_target, 409 target_unavailable or target_full',
      roles: ALL_ROLES,
      description:
        'Only the conversation’s agent may transfer it (an admin may too, and an agent an admin allowed to act on colleagues’ conversations); ' +
        'a queued conversation or a left message any agent of its merchant may take. A refused transfer changes and sends nothing: ' +
        '403 not_assignee (a colleague’s conversation), 404 unknown_target (no such agent or group here), ' +
        '409 target_unavailable (the agent is offline or busy; the group is off duty or nobody in it is signed in) or ' +
        '409 target_full (the agent has no room; the group’s queue is full). To a group: its policy picks a free member other than the sender, ' +
        'else it waits in the group’s queue. Back to the queue: the sender is not offered it again.',
      params: conversationParams,
      body: transferBody,
      response: transferAnswer,
      handle: async ({ principal, params, body }) => {
        const c = await conversationInReach(ctx.admin, principal, params.conversationId);
        const byAgentId = await actingAgent(ctx, principal, body.agentId);
        const result = await transferConversation(ctx.engine, {
          conversationId: c.id,
          to: body.to,
          ...(byAgentId !== undefined && { byAgentId }),
          byAdmin: principal.role !== 'agent',
          ...(body.note !== undefined && { note: { text: body.note, author: noteAuthorOf(principal) } }),
        });
        if (!result.ok) {
          const refusal = TRANSFER_REFUSALS[result.reason];
          throw new ApiError(refusal.status, result.reason, refusal.message);
        }
        return { state: result.state, ...(result.agentId !== undefined && { agentId: result.agentId }) };
      },
    }),
    route({
      method: 'post',
      path: '/conversations/:conversationId/take',
      tag: TAG,
      summary: 'Take a left message (留言): it becomes the agent’s, who may reply while WeChat’s window allows',
      roles: ALL_ROLES,
      description:
        'Agents take for themselves; admins name the agent. Nothing is sent to the customer. A conversation that is not a left message answers 409 invalid_state. The answer carries the send window.',
      params: conversationParams,
      body: takeBody,
      response: takeAnswer,
      handle: async ({ principal, params, body }) => {
        const c = await conversationInReach(ctx.admin, principal, params.conversationId);
        const agentId = await actingAgent(ctx, principal, body.agentId);
        if (agentId === undefined) throw badRequest('body.agentId: admins must name the agent who takes it');
        const taken = await takeLeftMessage(ctx.engine, { conversationId: c.id, agentId });
        return { state: taken.state, agentId: taken.agentId, window: taken.window };
      },
    }),
    route({
      method: 'post',
      path: '/conversations/:conversationId/end',
      tag: TAG,
      summary: 'End the conversation (the customer gets the closing message)',
      roles: ALL_ROLES,
      description:
        'Agents end their own conversations and unassigned ones; a colleague’s conversation is read-only to them (403) unless an admin allowed them to act on colleagues’ conversations.',
      params: conversationParams,
      body: endBody,
      handle: async ({ principal, params, body }) => {
        const c = await conversationInReach(ctx.admin, principal, params.conversationId);
        const agentId = await actingAgent(ctx, principal, body.agentId);
        const by: EndedBy = agentId === undefined ? { kind: 'admin' } : { kind: 'agent', agentId };
        await endConversation(ctx.engine, { conversationId: c.id, by, byAdmin: principal.role !== 'agent' });
        return undefined;
      },
    }),
  ];
}
