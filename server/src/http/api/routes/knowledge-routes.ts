// The knowledge base: entries, import and export, the robot's settings, the questions it
// could not answer, and media for picture entries. Admins only; a merchant admin works on their own
// merchant's knowledge base, platform admins on any (absent merchantId: the platform's own).
import type { ApiContext } from '../api-context';
import { merchantForNew, PLATFORM_TEAM } from '../../../app/auth/policy';
import type { Principal } from '../../../app/auth/principal';
import { badRequest, forbidden, notFound } from '../../../app/errors';
import { ADMINS, route, type ApiRoute } from '../route-table';
import { list } from '../../../contract/common';
import * as s from '../../../contract/knowledge';
import type { Scope } from '../../../knowledge/knowledge-store';
import { channelInReach, mustBeMerchantOf } from '../../../app/admin/reach';
import { knowledgeSynonymRoutes } from './knowledge-synonym-routes';
import { mediaFormatOf } from '../../../core/media/media-format';
import { checkedContentType, defaultUseOf } from '../../../core/media/media-rules';
import { audited, knowledgeChange as change } from '../../../app/support/audit';

const TAG = 'knowledge';
const BASE = '/channels/:channelId/knowledge';

export function knowledgeRoutes(ctx: ApiContext): ApiRoute[] {
  const kb = () => {
    if (!ctx.knowledge) throw notFound('knowledge base');
    return ctx.knowledge;
  };
  /** The scope the caller works on: merchant admins always their own merchant. */
  const scopeOf = async (p: Principal, channelId: string, merchantId: string | undefined): Promise<Scope> => {
    await channelInReach(ctx.admin, p, channelId);
    const m = merchantForNew(p, channelId, merchantId === PLATFORM_TEAM ? undefined : merchantId);
    await mustBeMerchantOf(ctx.admin, channelId, m);
    return { channelId, ...(m !== undefined && { merchantId: m }) };
  };
  /** The semantic stage's settings, when this server has one (the API key never: only whether it is set). */
  const semanticOf = async (channelId: string) => {
    const view = await ctx.semanticSettings?.view(channelId);
    return view && { semantic: view };
  };
  return [
    ...knowledgeSynonymRoutes(ctx, kb, scopeOf), // before /knowledge/:number
    route({
      method: 'get',
      path: BASE,
      tag: TAG,
      summary: 'List knowledge entries',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      response: list(s.entry),
      handle: async ({ principal, params, query }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        // Entries stored before WeChat's rules were checked are flagged, not hidden: they would fail to send.
        const problems = await kb().sendProblems(scope);
        return {
          items: kb()
            .list(scope)
            .map((e) => ({ ...e, ...(problems.has(e.number) && { sendProblems: problems.get(e.number) }) })),
        };
      },
    }),
    route({
      method: 'post',
      path: BASE,
      tag: TAG,
      summary: 'Create a knowledge entry',
      roles: ADMINS,
      status: 201,
      params: s.knowledgeParams,
      body: s.entryCreate,
      response: s.entry,
      handle: async ({ principal, params, body }) => {
        const { merchantId, ...fields } = body;
        const scope = await scopeOf(principal, params.channelId, merchantId);
        return audited(
          ctx.admin,
          principal,
          () => kb().create(scope, fields),
          (e) => change(scope, 'entry.create', e.number, undefined, e),
        );
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/export`,
      audit: 'export',
      tag: TAG,
      summary: 'Export the entries (CSV or JSON, re-importable as is)',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.exportQuery,
      response: s.exportAnswer,
      handle: async ({ principal, params, query }) => ({
        format: query.format,
        data: kb().export(await scopeOf(principal, params.channelId, query.merchantId), query.format),
      }),
    }),
    route({
      method: 'post',
      path: `${BASE}/import`,
      tag: TAG,
      summary: 'Import entries (added or replaced by number)',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      body: s.importBody,
      response: s.importAnswer,
      maxBodyBytes: s.MAX_IMPORT_BASE64 + 4096,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        const work = () => kb().import(scope, importData(body), body.format, body.replace);
        const imported = await audited(ctx.admin, principal, work, (n) =>
          change(scope, 'entry.import', 'entries', undefined, { imported: n, format: body.format, replace: body.replace }),
        );
        return { imported };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/misses`,
      tag: TAG,
      summary: 'Questions the robot could not answer, most asked first',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.missesQuery,
      response: list(s.miss),
      handle: async ({ principal, params, query }) => {
        const misses = await kb().misses(await scopeOf(principal, params.channelId, query.merchantId), query.limit);
        return { items: misses.map(({ question, count, lastAt }) => ({ question, count, lastAt })) };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/settings`,
      tag: TAG,
      summary: 'The robot’s settings',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      response: s.robotSettingsAnswer,
      handle: async ({ principal, params, query }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        return { ...kb().settings(scope), ...(await semanticOf(params.channelId)) };
      },
    }),
    route({
      method: 'put',
      path: `${BASE}/settings`,
      tag: TAG,
      summary: 'Change the robot’s settings',
      roles: ADMINS,
      params: s.knowledgeParams,
      query: s.scopeQuery,
      body: s.robotSettingsChange,
      response: s.robotSettingsAnswer,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        const { semantic, ...robot } = body;
        if (semantic && scope.merchantId !== undefined)
          throw forbidden('the semantic stage is set per channel, on the platform’s settings');
        if (semantic && !ctx.semanticSettings) throw notFound('semantic stage');
        const before = { ...kb().settings(scope), ...(await semanticOf(params.channelId)) };
        const save = async () => {
          const saved = await kb().saveSettings(scope, robot);
          if (semantic) return { ...saved, semantic: await ctx.semanticSettings!.save(params.channelId, semantic) };
          return { ...saved, ...(await semanticOf(params.channelId)) };
        };
        return audited(ctx.admin, principal, save, (after) => change(scope, 'settings.change', 'robot', before, after));
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/media`,
      tag: TAG,
      summary: 'Store a picture, voice or video for entries (answers its media source); checked against WeChat’s rule for its use',
      roles: ADMINS,
      status: 201,
      params: s.knowledgeParams,
      body: s.mediaUpload,
      response: s.mediaAnswer,
      handle: async ({ principal, params, body }) => {
        const owner = await scopeOf(principal, params.channelId, undefined); // admins of this channel only
        const { kind } = await channelInReach(ctx.admin, principal, params.channelId);
        const data = Buffer.from(body.base64, 'base64');
        // Refused here (MediaRefused → 400/413 with its code) rather than failing for every customer at send.
        const use = body.use ?? defaultUseOf(mediaFormatOf(data));
        const contentType = checkedContentType(data, use, kind, 'the file');
        const file = { filename: body.filename, contentType, data, owner, kind: 'knowledge' as const };
        const saveMedia = () => kb().saveMedia(file);
        const media = await audited(ctx.admin, principal, saveMedia, (id) =>
          change(owner, 'media.create', id, undefined, { filename: body.filename, contentType, bytes: data.byteLength }),
        );
        return { media };
      },
    }),
    route({
      method: 'get',
      path: `${BASE}/:number`,
      tag: TAG,
      summary: 'Read a knowledge entry',
      roles: ADMINS,
      params: s.entryParams,
      query: s.scopeQuery,
      response: s.entry,
      handle: async ({ principal, params, query }) => kb().get(await scopeOf(principal, params.channelId, query.merchantId), params.number),
    }),
    route({
      method: 'patch',
      path: `${BASE}/:number`,
      tag: TAG,
      summary: 'Change a knowledge entry (enabled: false disables it)',
      roles: ADMINS,
      params: s.entryParams,
      query: s.scopeQuery,
      body: s.entryPatch,
      response: s.entry,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        const before = kb().get(scope, params.number);
        const work = () => kb().update(scope, params.number, body);
        return audited(ctx.admin, principal, work, (e) => change(scope, 'entry.change', e.number, before, e));
      },
    }),
    route({
      method: 'post',
      path: `${BASE}/:number/similar-questions`,
      tag: TAG,
      summary: 'Add a similar question to an entry (e.g. an unanswered question; one already there is kept once)',
      roles: ADMINS,
      params: s.entryParams,
      query: s.scopeQuery,
      body: s.similarQuestionBody,
      response: s.entry,
      handle: async ({ principal, params, query, body }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        const before = kb().get(scope, params.number);
        const work = () => kb().addSimilarQuestion(scope, params.number, body.question);
        return audited(ctx.admin, principal, work, (e) => change(scope, 'entry.change', e.number, before, e));
      },
    }),
    route({
      method: 'delete',
      path: `${BASE}/:number`,
      tag: TAG,
      summary: 'Delete a knowledge entry',
      roles: ADMINS,
      params: s.entryParams,
      query: s.scopeQuery,
      handle: async ({ principal, params, query }) => {
        const scope = await scopeOf(principal, params.channelId, query.merchantId);
        const before = kb().get(scope, params.number);
        const work = () => kb().remove(scope, params.number);
        return audited(ctx.admin, principal, work, () => change(scope, 'entry.delete', params.number, before, undefined));
      },
    }),
  ];
}

/** The imported file as the service decodes it: bytes (base64) or text already decoded by the client. */
function importData(body: { data: string; encoding: 'text' | 'base64' }): string | Uint8Array {
  if (body.encoding === 'base64') return Buffer.from(body.data, 'base64');
  if (body.data.length > s.MAX_IMPORT_TEXT)
    throw badRequest(`body.data: at most ${s.MAX_IMPORT_TEXT} characters (send larger files as base64)`);
  return body.data;
}
