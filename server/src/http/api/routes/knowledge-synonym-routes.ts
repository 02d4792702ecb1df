// A knowledge base's own synonyms (groups of words that mean the same, added to the robot's built-in
// lexicon): read and replaced as JSON, exchanged as CSV (one group per line). Same roles and scope as
// the entries (knowledge-routes.ts hands over its scope check).
import type { Principal } from '../../../app/auth/principal';
import * as s from '../../../contract/knowledge';
import type { KnowledgeService } from '../../../knowledge/knowledge-service';
import type { Scope } from '../../../knowledge/knowledge-store';
import { ADMINS, route, type ApiRoute } from '../route-table';
import type { ApiContext } from '../api-context';
import { audited, knowledgeChange } from '../../../app/support/audit';

const TAG = 'knowledge';
const PATH = '/channels/:channelId/knowledge/synonyms';

type ScopeOf = (p: Principal, channelId: string, merchantId: string | undefined) => Promise<Scope>;

export function knowledgeSynonymRoutes(ctx: ApiContext, kb: () => KnowledgeService, scopeOf: ScopeOf): ApiRoute[] {
  /** Replaces a scope's synonyms, recorded with the groups before and after. */
  const replace = async (p: Principal, scope: Scope, work: () => Promise<string[][]>) => {
    const before = kb().synonyms(scope);
    const groups = await audited(ctx.admin, p, work, (after) => knowledgeChange(scope, 'synonyms.replace', 'synonyms', before, after));
    return { groups };
  };
  return [
    route({
      method: 'get',
      path: PATH,
      tag: TAG,
      summary: 'The knowledge base’s own synonyms (groups of words that mean the same)',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      response: s.synonyms,
      handle: async ({ principal, params, query }) => ({
        groups: kb().synonyms(await scopeOf(principal, params.channelId, query.merchantId)),
      }),
    }),
    route({
      method: 'put',
      path: PATH,
      tag: TAG,
      summary: 'Replace the knowledge base’s own synonyms',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      body: s.synonyms,
      response: s.synonyms,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        return replace(principal, scope, () => kb().saveSynonyms(scope, body.groups));
      },
    }),
    route({
      method: 'get',
      path: `${PATH}/export`,
      audit: 'export',
      tag: TAG,
      summary: 'Export the synonyms as CSV (one group per line)',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      response: s.synonymsExport,
      handle: async ({ principal, params, query }) => ({
        format: 'csv' as const,
        data: kb().exportSynonyms(await scopeOf(principal, params.channelId, query.merchantId)),
      }),
    }),
    route({
      method: 'post',
      path: `${PATH}/import`,
      tag: TAG,
      summary: 'Replace the synonyms with a CSV file’s (one group per line)',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      body: s.synonymsImport,
      response: s.synonyms,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        return replace(principal, scope, () => kb().importSynonyms(scope, body.data));
      },
    }),
  ];
}
