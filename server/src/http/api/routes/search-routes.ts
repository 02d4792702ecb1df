// Conversation search and conversations counted per tag: the rules are the stories' (app/desk/search.ts,
// app/desk/tag-report.ts). Registered before /channels/:channelId/conversations' neighbours.
import { searchConversations } from '../../../app/desk/search';
import { countByTag } from '../../../app/desk/tag-report';
import { channelParams } from '../../../contract/common';
import { searchQuery, searchResult, tagCountQuery, tagCounts } from '../../../contract/desk';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, OVERSEERS, route, type ApiRoute } from '../route-table';
import { deskDeps, searchAnswer } from './desk-support';

export function searchRoutes(ctx: ApiContext): ApiRoute[] {
  const deps = deskDeps(ctx);
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/conversations/search',
      tag: 'conversations',
      summary: 'Search conversations by words in messages (Chinese too), customer, tag, agent, state and dates: only what you may see',
      description:
        'Newest first. `text` is matched as a substring of what was written (or WeChat transcribed), so a Chinese word is found inside a ' +
        'sentence without spaces. Agents find only their merchant’s conversations, and none of a colleague’s their settings hide.',
      roles: ALL_ROLES,
      params: channelParams,
      query: searchQuery,
      response: searchResult,
      handle: async ({ principal, params, query }) => searchAnswer(await searchConversations(deps, principal, params.channelId, query)),
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/reports/tags',
      tag: 'reports',
      summary: 'Conversations created in a range, counted per tag (on the conversation or its customer)',
      roles: OVERSEERS,
      params: channelParams,
      query: tagCountQuery,
      response: tagCounts,
      handle: async ({ principal, params, query }) => ({ items: await countByTag(deps, principal, params.channelId, query) }),
    }),
  ];
}
