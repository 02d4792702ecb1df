// The routes of a channel-scoped resource (agents, skill groups, work calendars, merchants), declared
// once: list under /channels/:channelId/<plural> (with the merchant filter), create there, read and
// change /<plural>/:<idParam>. The rules stay the stories'; a resource with more routes (an agent's
// status, a group's members) declares those beside these.
import { z } from 'zod';
import type { AdminDeps } from '../../app/admin/index';
import type { Principal } from '../../app/auth/principal';
import type { Role } from '../../core/ports/auth';
import { channelParams, id, list, merchantFilterQuery } from '../../contract/common';
import type { ApiContext } from './api-context';
import { route, type ApiRoute } from './route-table';

type Story<A extends unknown[]> = (deps: AdminDeps, p: Principal, ...args: A) => Promise<unknown>;

export interface ResourceSpec<C extends z.ZodType, U extends z.ZodType> {
  tag: string;
  /** The path segment: '/channels/:channelId/agents', '/agents/:agentId'. */
  plural: string;
  /** The name of the id in the item's path: 'agentId'. */
  idParam: string;
  roles: { read: readonly Role[]; write: readonly Role[] };
  schemas: { item: z.ZodType; create: C; change: U };
  /** 'put' when a change replaces the item's fields; default 'patch'. */
  changeMethod?: 'patch' | 'put';
  /** Whether the list takes ?merchantId=; default true. */
  merchantFilter?: boolean;
  summaries: { list: string; create: string; read: string; change: string };
  stories: {
    list: Story<[channelId: string, merchantId?: string]>;
    create: Story<[channelId: string, body: z.output<C>]>;
    read: Story<[id: string]>;
    change: Story<[id: string, body: z.output<U>]>;
  };
}

/** The params of a resource's own path, '/<plural>/:<idParam>'. */
export const itemParams = <K extends string>(idParam: K) => z.strictObject({ [idParam]: id }) as unknown as z.ZodType<Record<K, string>>;

export function resourceRoutes<C extends z.ZodType, U extends z.ZodType>(ctx: ApiContext, spec: ResourceSpec<C, U>): ApiRoute[] {
  const { tag, roles, schemas, summaries, stories } = spec;
  const collection = `/channels/:channelId/${spec.plural}`;
  const item = `/${spec.plural}/:${spec.idParam}`;
  const params = itemParams(spec.idParam);
  const filter = spec.merchantFilter === false ? {} : { query: merchantFilterQuery };
  return [
    route({
      method: 'get', path: collection, tag, summary: summaries.list, roles: roles.read,
      params: channelParams, ...filter, response: list(schemas.item),
      // Without the filter the query is {}: the story is asked for every merchant it lets the caller see.
      handle: async ({ principal, params: p, query: q }) => ({
        items: await stories.list(ctx.admin, principal, p.channelId, (q as { merchantId?: string }).merchantId),
      }),
    }),
    route({
      method: 'post', path: collection, tag, summary: summaries.create, roles: roles.write, status: 201,
      params: channelParams, body: schemas.create, response: schemas.item,
      handle: async ({ principal, params: p, body }) => stories.create(ctx.admin, principal, p.channelId, body),
    }),
    route({
      method: 'get', path: item, tag, summary: summaries.read, roles: roles.read, params, response: schemas.item,
      handle: async ({ principal, params: p }) => stories.read(ctx.admin, principal, p[spec.idParam]!),
    }),
    route({
      method: spec.changeMethod ?? 'patch', path: item, tag, summary: summaries.change, roles: roles.write,
      params, body: schemas.change, response: schemas.item,
      handle: async ({ principal, params: p, body }) => stories.change(ctx.admin, principal, p[spec.idParam]!, body),
    }),
  ];
}
