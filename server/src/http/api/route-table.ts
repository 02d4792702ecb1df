// Routes are declared once, as data: method, path, who may call, the zod schemas of params, query, body
// and answer, and the handler. The same declarations mount the Express router and generate the OpenAPI
// document (openapi.ts), so the document cannot drift from what is enforced.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Role } from '../../core/ports/auth';
import type { Principal } from '../../app/auth/principal';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Obj = z.ZodType<Record<string, unknown>>;

interface Common<P extends Obj, Q extends Obj, B extends z.ZodType> {
  method: Method;
  /** Express syntax, relative to /api/v1: '/channels/:channelId'. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer, for the document; omit for 204. */
  response?: z.ZodType;
  /** Success status; default 200 with a body, 204 without. */
  status?: number;
  /** A success answer that is not JSON (a CSV file, a picture): the handler returns a RawAnswer. */
  produces?: { contentType: string; description: string };
  /** The largest JSON body taken, in bytes; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /**
   * 'export': a GET that hands out a copy of the data (a CSV, a transcript, a configuration file): the
   * audit log records each one taken, with who asked and for what (export-audit.ts).
   */
  audit?: 'export';
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** A success answer sent as is, with its own type and headers (they replace the API's defaults). */
export class RawAnswer {
  constructor(
    readonly contentType: string,
    readonly body: string | Uint8Array,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface Input<P extends Obj, Q extends Obj, B extends z.ZodType> {
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  req: Request;
  res: Response;
}

export interface ApiRoute extends Common<Obj, Obj, z.ZodType> {
  /** 'public': no authentication (login only). */
  roles: readonly Role[] | 'public';
  run(input: Input<Obj, Obj, z.ZodType>, principal: Principal | undefined): Promise<unknown>;
}

const EMPTY = z.object({});

/** A route for authenticated callers of the given roles; other roles get 403 before any handler runs. */
export function route<P extends Obj = typeof EMPTY, Q extends Obj = typeof EMPTY, B extends z.ZodType = typeof EMPTY>(
  def: Common<P, Q, B> & { roles: readonly Role[]; handle(input: Input<P, Q, B> & { principal: Principal }): Promise<unknown> },
): ApiRoute {
  const { handle, ...rest } = def;
  return {
    ...(rest as unknown as Common<Obj, Obj, z.ZodType>),
    roles: def.roles,
    run: (input, principal) => {
      if (!principal) throw new Error('route needs a principal');
      return handle({ ...(input as Input<P, Q, B>), principal });
    },
  };
}

export function publicRoute<P extends Obj = typeof EMPTY, Q extends Obj = typeof EMPTY, B extends z.ZodType = typeof EMPTY>(
  def: Common<P, Q, B> & { handle(input: Input<P, Q, B>): Promise<unknown> },
): ApiRoute {
  const { handle, ...rest } = def;
  return { ...(rest as unknown as Common<Obj, Obj, z.ZodType>), roles: 'public', run: (input) => handle(input as Input<P, Q, B>) };
}

// Who may call a route, by what the route is for. A new route picks the list that says what it does; the
// role walk (roles.test.ts) calls every route as a supervisor and fails for a write a supervisor reaches
// that is not conversation work.

/** Everyone signed in: reading and working conversations (replies, transfers, notes, tags), one's own login. */
export const ALL_ROLES: readonly Role[] = ['platform_admin', 'merchant_admin', 'supervisor', 'agent'];
/** Settings of a merchant or channel (agents, groups, calendars, routing, knowledge, webhooks, accounts). */
export const ADMINS: readonly Role[] = ['platform_admin', 'merchant_admin'];
/** The platform itself: channels, API tokens, the open platform. */
export const PLATFORM: readonly Role[] = ['platform_admin'];
/** Watching over the work: reports, the dashboard, exports (admins and supervisors, never agents). */
export const OVERSEERS: readonly Role[] = ['platform_admin', 'merchant_admin', 'supervisor'];
/** The tools of the people who answer, which a supervisor does not set: personal quick replies, an agent's status. */
export const WORKERS: readonly Role[] = ['platform_admin', 'merchant_admin', 'agent'];
