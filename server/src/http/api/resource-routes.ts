// The routes of a resource, declared once. A channel-scoped resource (agents, skill groups, work
// calendars, merchants) is listed under /channels/:channelId/<plural> (with the merchant filter) and
// created there; a top-level one (channels, login accounts) at /<plural>. Either is read and changed at
// /<plural>/:<idParam>. The rules stay the stories'; a resource with more routes (an agent's status, a
// group's members) declares those beside these.
import { z } from 'zod';
import type { AdminDeps } from '../../app/admin/index';
import type { Principal } from '../../app/auth/principal';
import type { Role } from '../../core/ports/auth';
import { byArchive, type ArchivedFilter } from '../../app/admin/archived-filter';
import { archivedFilter } from '../../contract/archive';
import { channelParams, id, list, merchantFilterQuery } from '../../contract/common';
import type { ApiContext } from './api-context';
import { route, type ApiRoute } from './route-table';

type Story<A extends unknown[]> = (deps: AdminDeps, p: Principal, ...args: A) => Promise<unknown>;
type Roles = { read: readonly Role[]; write: readonly Role[] };

interface Collection<C extends z.ZodType> {
  tag: string;
  /** The path segment: '/channels/:channelId/agents', '/agents/:agentId'. */
  plural: string;
  roles: Roles;
  schemas: { item: z.ZodType; create: C };
  summaries: { list: string; create: string };
}

export interface TopCollectionSpec<C extends z.ZodType> extends Collection<C> {
  stories: { list: Story<[]>; create: Story<[body: z.output<C>]> };
}

export interface ItemSpec<U extends z.ZodType> {
  tag: string;
  plural: string;
  /** The name of the id in the item's path: 'agentId'. */
  idParam: string;
  roles: Roles;
  schemas: { item: z.ZodType; change: U };
  /** 'put' when a change replaces the item's fields; default 'patch'. */
  changeMethod?: 'patch' | 'put';
  summaries: { read: string; change: string };
  stories: { read: Story<[id: string]>; change: Story<[id: string, body: z.output<U>]> };
}

export interface ResourceSpec<C extends z.ZodType, U extends z.ZodType> extends Collection<C>, ItemSpec<U> {
  schemas: { item: z.ZodType; create: C; change: U };
  /** Whether the list takes ?merchantId=; default true. */
  merchantFilter?: boolean;
  summaries: { list: string; create: string; read: string; change: string };
  stories: ItemSpec<U>['stories'] & {
    list: Story<[channelId: string, merchantId?: string]>;
    create: Story<[channelId: string, body: z.output<C>]>;
  };
}

/** A list's records by their archive time (?archived=, archived-filter.ts): archived ones are hidden by default. */
const archivedQuery = z.strictObject({ archived: archivedFilter });
const filtered = (items: unknown, query: unknown) =>
  byArchive(items as Array<{ archivedAt?: number | null }>, (query as { archived?: ArchivedFilter }).archived);

/** The params of a resource's own path, '/<plural>/:<idParam>'. */
export const itemParams = <K extends string>(idParam: K) => z.strictObject({ [idParam]: id }) as unknown as z.ZodType<Record<K, string>>;

/** Read and change /<plural>/:<idParam>. */
export function itemRoutes<U extends z.ZodType>(ctx: ApiContext, spec: ItemSpec<U>): ApiRoute[] {
  const { tag, roles, schemas, summaries, stories } = spec;
  const path = `/${spec.plural}/:${spec.idParam}`;
  const params = itemParams(spec.idParam);
  return [
    route({
      method: 'get',
      path,
      tag,
      summary: summaries.read,
      roles: roles.read,
      params,
      response: schemas.item,
      handle: async ({ principal, params: p }) => stories.read(ctx.admin, principal, p[spec.idParam]!),
    }),
    route({
      method: spec.changeMethod ?? 'patch',
      path,
      tag,
      summary: summaries.change,
      roles: roles.write,
      params,
      body: schemas.change,
      response: schemas.item,
      handle: async ({ principal, params: p, body }) => stories.change(ctx.admin, principal, p[spec.idParam]!, body),
    }),
  ];
}

/** List and create at /<plural>. */
export function topCollectionRoutes<C extends z.ZodType>(ctx: ApiContext, spec: TopCollectionSpec<C>): ApiRoute[] {
  const { tag, roles, schemas, summaries, stories } = spec;
  const path = `/${spec.plural}`;
  return [
    route({
      method: 'get',
      path,
      tag,
      summary: summaries.list,
      roles: roles.read,
      query: archivedQuery,
      response: list(schemas.item),
      handle: async ({ principal, query }) => ({ items: filtered(await stories.list(ctx.admin, principal), query) }),
    }),
    route({
      method: 'post',
      path,
      tag,
      summary: summaries.create,
      roles: roles.write,
      status: 201,
      body: schemas.create,
      response: schemas.item,
      handle: async ({ principal, body }) => stories.create(ctx.admin, principal, body),
    }),
  ];
}

/** List (with the merchant filter) and create at /channels/:channelId/<plural>, then the item routes. */
export function resourceRoutes<C extends z.ZodType, U extends z.ZodType>(ctx: ApiContext, spec: ResourceSpec<C, U>): ApiRoute[] {
  const { tag, roles, schemas, summaries, stories } = spec;
  const path = `/channels/:channelId/${spec.plural}`;
  const query = spec.merchantFilter === false ? archivedQuery : merchantFilterQuery.extend(archivedQuery.shape);
  return [
    route({
      method: 'get',
      path,
      tag,
      summary: summaries.list,
      roles: roles.read,
      params: channelParams,
      query,
      response: list(schemas.item),
      // Without the merchant filter the story is asked for every merchant it lets the caller see.
      handle: async ({ principal, params: p, query: q }) => ({
        items: filtered(await stories.list(ctx.admin, principal, p.channelId, (q as { merchantId?: string }).merchantId), q),
      }),
    }),
    route({
      method: 'post',
      path,
      tag,
      summary: summaries.create,
      roles: roles.write,
      status: 201,
      params: channelParams,
      body: schemas.create,
      response: schemas.item,
      handle: async ({ principal, params: p, body }) => stories.create(ctx.admin, principal, p.channelId, body),
    }),
    ...itemRoutes(ctx, spec),
  ];
}
