// Knowledge lookup for everyone at the workbench (the entry routes are for admins): an agent searches
// their merchant's knowledge base (the platform's team: the platform's) and sends an entry as a reply
// (POST /conversations/:id/reply with knowledge.number). Declared before the entry routes, whose
// /knowledge/:number would otherwise take "search" for a number.
import type { ApiContext } from '../api-context';
import { notFound } from '../../../app/errors';
import { ALL_ROLES, route, type ApiRoute } from '../route-table';
import { knowledgeParams, searchAnswer, searchQuery } from '../../../contract/knowledge';
import { entryPreview, entryQuestion } from '../../../knowledge/entry-preview';
import { channelInReach, workingMerchant } from '../../../app/admin/reach';

export function knowledgeSearchRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/knowledge/search',
      tag: 'knowledge',
      summary: 'Search the knowledge base for an entry to send (all roles)',
      roles: ALL_ROLES,
      description:
        'Matches as the robot does (number, keyword, then ranked by shared terms, with a lower bar), then entries whose keywords, title or text contain the query. Live entries only.',
      params: knowledgeParams,
      query: searchQuery,
      response: searchAnswer,
      handle: async ({ principal, params, query }) => {
        if (!ctx.knowledge) throw notFound('knowledge base');
        await channelInReach(ctx.admin, principal, params.channelId);
        const merchantId = await workingMerchant(ctx.admin, principal, params.channelId, query.merchantId);
        const scope = { channelId: params.channelId, ...(merchantId !== undefined && { merchantId }) };
        const entries = ctx.knowledge.search(scope, query.q, query.limit);
        return {
          items: entries.map((e) => ({
            number: e.number,
            question: entryQuestion(e),
            keywords: e.keywords,
            preview: entryPreview(e),
            type: e.type,
          })),
        };
      },
    }),
  ];
}
