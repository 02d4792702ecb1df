// Archive, unarchive and delete, under each resource's own path: /agents/:agentId/archive, …/unarchive,
// …/dependents and DELETE /agents/:agentId; the same for groups, calendars, merchants and channels
// (DELETE /channels/:channelId is the channel routes' own, which refuses the same way). The rules are the
// stories' (app/admin/archive.ts); a refused delete answers 409 in_use with the dependents' counts.
import { archiveRecord, deleteRecord, dependentsOf, unarchiveRecord, type ArchiveKind } from '../../../app/admin/archive';
import { archiveResult, dependents } from '../../../contract/archive';
import type { ApiContext } from '../api-context';
import { itemParams } from '../resource-routes';
import { ADMINS, PLATFORM, route, type ApiRoute } from '../route-table';

interface Family {
  kind: ArchiveKind;
  plural: string;
  idParam: string;
  tag: string;
  /** How the people reading the API call it. */
  noun: string;
}

const FAMILIES: readonly Family[] = [
  { kind: 'agent', plural: 'agents', idParam: 'agentId', tag: 'agents', noun: 'an agent' },
  { kind: 'group', plural: 'groups', idParam: 'groupId', tag: 'groups', noun: 'a skill group' },
  { kind: 'calendar', plural: 'calendars', idParam: 'calendarId', tag: 'calendars', noun: 'a work calendar' },
  { kind: 'merchant', plural: 'merchants', idParam: 'merchantId', tag: 'merchants', noun: 'a merchant' },
  { kind: 'channel', plural: 'channels', idParam: 'channelId', tag: 'channels', noun: 'a channel' },
];

const IN_USE = 'Refused with 409 in_use while anything refers to it; the answer’s error.dependents names each kind with its count.';

function familyRoutes(ctx: ApiContext, f: Family): ApiRoute[] {
  const path = `/${f.plural}/:${f.idParam}`;
  const params = itemParams(f.idParam);
  const roles = f.kind === 'merchant' || f.kind === 'channel' ? PLATFORM : ADMINS;
  const idOf = (p: Record<string, string>) => p[f.idParam] as string;
  const routes = [
    route({
      method: 'post',
      path: `${path}/archive`,
      tag: f.tag,
      summary: `Archive ${f.noun}: out of routing and the default lists, its history kept`,
      roles,
      params,
      response: archiveResult,
      handle: ({ principal, params: p }) => archiveRecord(ctx.admin, ctx.engine, principal, f.kind, idOf(p)),
    }),
    route({
      method: 'post',
      path: `${path}/unarchive`,
      tag: f.tag,
      summary: `Unarchive ${f.noun}`,
      roles,
      params,
      response: archiveResult,
      handle: ({ principal, params: p }) => unarchiveRecord(ctx.admin, principal, f.kind, idOf(p)),
    }),
    route({
      method: 'get',
      path: `${path}/dependents`,
      tag: f.tag,
      summary: `What still refers to ${f.noun} (a delete is refused while anything does)`,
      roles,
      params,
      response: dependents,
      handle: ({ principal, params: p }) => dependentsOf(ctx.admin, principal, f.kind, idOf(p)),
    }),
  ];
  if (f.kind === 'channel') return routes;
  return [
    ...routes,
    route({
      method: 'delete',
      path,
      tag: f.tag,
      summary: `Delete ${f.noun}`,
      description: IN_USE,
      roles,
      params,
      handle: async ({ principal, params: p }) => {
        await deleteRecord(ctx.admin, principal, f.kind, idOf(p));
        return undefined;
      },
    }),
  ];
}

export function archiveRoutes(ctx: ApiContext): ApiRoute[] {
  return FAMILIES.flatMap((f) => familyRoutes(ctx, f));
}
