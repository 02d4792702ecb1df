// Quick replies (快捷回复): agents manage their own (scope=personal) and read their team's; admins manage
// the team's (scope=team). The composer reads the ones usable in a conversation, filled for its customer.
// CSV export and import (UTF-8 or GBK) as the knowledge base's. Rules are the stories' (app/quick-replies).
import {
  createQuickReply,
  importQuickReplies,
  listQuickReplies,
  quickRepliesForConversation,
  removeQuickReply,
  updateQuickReply,
} from '../../../app/quick-replies/index';
import { channelParams, list } from '../../../contract/common';
import * as s from '../../../contract/quick-replies';
import { exportQuickRepliesCsv, importQuickRepliesCsv } from '../../../knowledge/quick-reply-csv';
import { quickReplyDeps, type ApiContext } from '../api-context';
import { ALL_ROLES, RawAnswer, route, WORKERS, type ApiRoute } from '../route-table';
import { conversationParams } from './conversation-routes';

const TAG = 'quick replies';
const BASE = '/channels/:channelId/quick-replies';

export function quickReplyRoutes(ctx: ApiContext): ApiRoute[] {
  const deps = () => quickReplyDeps(ctx);
  const owner = (channelId: string, q: { scope: 'personal' | 'team'; merchantId?: string | undefined }) => ({
    channelId,
    scope: q.scope,
    merchantId: q.merchantId,
  });
  return [
    route({
      method: 'get',
      path: BASE,
      tag: TAG,
      summary: 'List quick replies: the calling agent’s own (scope=personal) or the team’s (scope=team), by title',
      roles: ALL_ROLES,
      params: channelParams,
      query: s.ownerQuery,
      response: list(s.quickReply),
      handle: async ({ principal, params, query }) => ({
        items: await listQuickReplies(deps(), principal, owner(params.channelId, query)),
      }),
    }),
    route({
      method: 'post',
      path: BASE,
      tag: TAG,
      summary: 'Create a quick reply: agents their own (scope=personal), admins the team’s (scope=team)',
      roles: WORKERS,
      status: 201,
      params: channelParams,
      body: s.quickReplyCreate,
      response: s.quickReply,
      handle: async ({ principal, params, body }) => {
        const { scope, merchantId, ...fields } = body;
        return createQuickReply(deps(), principal, owner(params.channelId, { scope, merchantId }), fields);
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/export.csv`,
      audit: 'export',
      tag: TAG,
      summary: 'Export quick replies as CSV (re-importable as is)',
      roles: ALL_ROLES,
      params: channelParams,
      query: s.ownerQuery,
      produces: { contentType: 'text/csv', description: 'title,text,picture,cardTitle,cardPagePath,cardThumbMedia,cardAppId' },
      handle: async ({ principal, params, query }) => {
        const replies = await listQuickReplies(deps(), principal, owner(params.channelId, query));
        return new RawAnswer('text/csv; charset=utf-8', exportQuickRepliesCsv(replies), {
          'content-disposition': `attachment; filename="quick-replies-${query.scope}.csv"`,
        });
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/import`,
      tag: TAG,
      summary: 'Import quick replies from CSV: new titles are added, existing titles replaced; a bad row refuses the whole file',
      roles: WORKERS,
      params: channelParams,
      query: s.ownerQuery,
      body: s.quickReplyImportBody,
      response: s.quickReplyImportAnswer,
      maxBodyBytes: s.MAX_QUICK_REPLY_IMPORT_BASE64 + 4096,
      handle: async ({ principal, params, query, body }) => {
        const rows = importQuickRepliesCsv(body.encoding === 'base64' ? Buffer.from(body.data, 'base64') : body.data);
        return importQuickReplies(deps(), principal, owner(params.channelId, query), rows);
      },
    }),
    route({
      method: 'put',
      path: '/quick-replies/:quickReplyId',
      tag: TAG,
      summary: 'Change a quick reply (the whole of it): agents their own, admins the team’s',
      roles: WORKERS,
      params: s.quickReplyParams,
      body: s.quickReplyFields,
      response: s.quickReply,
      handle: async ({ principal, params, body }) => updateQuickReply(deps(), principal, params.quickReplyId, body),
    }),
    route({
      method: 'delete',
      path: '/quick-replies/:quickReplyId',
      tag: TAG,
      summary: 'Delete a quick reply: agents their own, admins the team’s',
      roles: WORKERS,
      params: s.quickReplyParams,
      handle: async ({ principal, params }) => removeQuickReply(deps(), principal, params.quickReplyId),
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId/quick-replies',
      tag: TAG,
      summary: 'The quick replies usable in this conversation (the agent’s own, then the team’s), filled for its customer',
      roles: ALL_ROLES,
      params: conversationParams,
      response: list(s.usableQuickReply),
      handle: async ({ principal, params }) => ({ items: await quickRepliesForConversation(deps(), principal, params.conversationId) }),
    }),
  ];
}
