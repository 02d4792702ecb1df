// Stories: list, create, change, remove and import quick replies (the API, the CLI and the workbench
// share them). Titles are unique per owner, so an import adds new titles and replaces existing ones.
import {
  byTitle,
  type QuickReply,
  type QuickReplyFields,
  type QuickReplyOwner,
  quickReplyProblem,
} from '../../core/quick-replies/quick-reply';
import type { Principal } from '../auth/principal';
import { badRequest, conflict } from '../errors';
import { mustBeUsablePicture, mustGetReadable, mustManage, ownerFor, type QuickReplyScope, writableOwnerFor } from './quick-reply-access';
import type { QuickReplyDeps } from './quick-reply-deps';
import { recordChange, recordOf } from '../support/audit';

export interface OwnerQuery {
  channelId: string;
  scope: QuickReplyScope;
  /** Platform admins: the merchant (PLATFORM_TEAM or absent: the platform's team). */
  merchantId?: string | undefined;
}

/** One owner's replies in title order. */
export async function listQuickReplies(deps: QuickReplyDeps, p: Principal, q: OwnerQuery): Promise<QuickReply[]> {
  const owner = await ownerFor(deps, p, q.channelId, q.scope, q.merchantId);
  return (await deps.replies.list(owner)).sort(byTitle);
}

/** The fields as stored: trimmed title, no empty optional parts; refused with the reason when unusable. */
async function checked(deps: QuickReplyDeps, owner: QuickReplyOwner, f: QuickReplyFields, where = 'body'): Promise<QuickReplyFields> {
  const fields: QuickReplyFields = {
    title: f.title.trim(),
    text: f.text,
    ...(f.picture !== undefined && { picture: f.picture }),
    ...(f.card !== undefined && { card: f.card }),
  };
  const problem = quickReplyProblem(fields);
  if (problem) throw badRequest(`${where}.${problem}`);
  if (fields.picture !== undefined) await mustBeUsablePicture(deps, owner, fields.picture, `${where}.picture`);
  if (fields.card !== undefined) await mustBeUsablePicture(deps, owner, fields.card.thumbMedia, `${where}.card.thumbMedia`);
  return fields;
}

function mustBeNewTitle(list: readonly QuickReply[], title: string, except?: string): void {
  if (list.some((r) => r.title === title && r.id !== except))
    throw conflict('duplicate_title', `a quick reply titled "${title}" exists already`);
}

export async function createQuickReply(deps: QuickReplyDeps, p: Principal, q: OwnerQuery, f: QuickReplyFields): Promise<QuickReply> {
  const owner = await writableOwnerFor(deps, p, q.channelId, q.scope, q.merchantId);
  const fields = await checked(deps, owner, f);
  mustBeNewTitle(await deps.replies.list(owner), fields.title);
  const now = deps.clock.now();
  const reply: QuickReply = { id: deps.ids.next('qkr'), ...owner, ...fields, createdAt: now, updatedAt: now };
  await deps.replies.save([reply]);
  await recordChange(deps, p, recordOf('quick_reply', 'create', undefined, reply));
  return reply;
}

export async function updateQuickReply(deps: QuickReplyDeps, p: Principal, id: string, f: QuickReplyFields): Promise<QuickReply> {
  const old = await mustGetReadable(deps, p, id);
  mustManage(p, old);
  const { id: _id, title: _t, text: _x, picture: _p, card: _c, createdAt, updatedAt: _u, ...owner } = old;
  const fields = await checked(deps, owner, f);
  mustBeNewTitle(await deps.replies.list(owner), fields.title, id);
  const reply: QuickReply = { id, ...owner, ...fields, createdAt, updatedAt: deps.clock.now() };
  await deps.replies.save([reply]);
  await recordChange(deps, p, recordOf('quick_reply', 'change', old, reply));
  return reply;
}

export async function removeQuickReply(deps: QuickReplyDeps, p: Principal, id: string): Promise<void> {
  const old = await mustGetReadable(deps, p, id);
  mustManage(p, old);
  await deps.replies.remove(id);
  await recordChange(deps, p, recordOf('quick_reply', 'delete', old, undefined));
}

/** Adds the new titles and replaces the existing ones, all or none; answers how many of each. */
export async function importQuickReplies(
  deps: QuickReplyDeps,
  p: Principal,
  q: OwnerQuery,
  rows: readonly QuickReplyFields[],
): Promise<{ added: number; replaced: number }> {
  const owner = await writableOwnerFor(deps, p, q.channelId, q.scope, q.merchantId);
  const byTitleNow = new Map((await deps.replies.list(owner)).map((r) => [r.title, r]));
  const seen = new Set<string>();
  const now = deps.clock.now();
  const replies: QuickReply[] = [];
  for (const [i, row] of rows.entries()) {
    const fields = await checked(deps, owner, row, `row ${i + 2}`); // row 1 is the header
    if (seen.has(fields.title)) throw badRequest(`row ${i + 2}.title: "${fields.title}" appears twice in the file`);
    seen.add(fields.title);
    const old = byTitleNow.get(fields.title);
    replies.push({ id: old?.id ?? deps.ids.next('qkr'), ...owner, ...fields, createdAt: old?.createdAt ?? now, updatedAt: now });
  }
  await deps.replies.save(replies);
  const replaced = replies.filter((r) => byTitleNow.has(r.title)).length;
  const after = { added: replies.length - replaced, replaced, titles: replies.map((r) => r.title) };
  await recordChange(deps, p, { action: 'quick_reply.import', targetType: 'quick_reply', targetId: 'import', ...owner, after });
  return { added: replies.length - replaced, replaced };
}
