// Stories: tags. Admins manage their merchant's list (platform admins any merchant's, or the platform
// team's); agents read it and set its tags on the conversations they may act on and on their merchant's
// customers. A tag of another merchant is refused: tags never cross merchants.
import { type Tag, TAGS_PER_RECORD_MAX } from '../../core/model/desk';
import type { AdminDeps } from '../admin/admin-deps';
import type { Transaction } from '../../core/ports/unit-of-work';
import { conversationInReach, workingMerchant } from '../admin/reach';
import { readCustomer } from '../admin/customers';
import { mustReach } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { mayActOn } from '../support/conversation-access';
import type { DeskDeps } from './desk-deps';
import { recordChange, recordOf } from '../support/audit';

export interface TagInput {
  name: string;
  color: string;
}

export async function listTags(deps: DeskDeps, p: Principal, channelId: string, merchantId: string | undefined): Promise<Tag[]> {
  const merchant = await workingMerchant(deps.admin, p, channelId, merchantId);
  return deps.admin.uow.run((tx) => tx.tags.listByMerchant(channelId, merchant));
}

export async function createTag(
  deps: DeskDeps,
  p: Principal,
  channelId: string,
  merchantId: string | undefined,
  input: TagInput,
): Promise<Tag> {
  const merchant = await workingMerchant(deps.admin, p, channelId, merchantId);
  const tag: Tag = {
    id: deps.admin.ids.next('tag'),
    channelId,
    ...(merchant !== undefined && { merchantId: merchant }),
    ...input,
    createdAt: deps.admin.clock.now(),
  };
  return deps.admin.uow.run(async (tx) => {
    await recordChange(deps.admin, p, recordOf('tag', 'create', undefined, tag), tx);
    return saveUnique(tx, tag);
  });
}

export async function updateTag(deps: DeskDeps, p: Principal, tagId: string, patch: Partial<TagInput>): Promise<Tag> {
  return deps.admin.uow.run(async (tx) => {
    const before = await mustGetTag(tx, p, tagId);
    const after = await saveUnique(tx, { ...before, ...patch });
    await recordChange(deps.admin, p, recordOf('tag', 'change', before, after), tx);
    return after;
  });
}

export async function deleteTag(deps: DeskDeps, p: Principal, tagId: string): Promise<void> {
  await deps.admin.uow.run(async (tx) => {
    const before = await mustGetTag(tx, p, tagId);
    await tx.tags.remove(before.id);
    await recordChange(deps.admin, p, recordOf('tag', 'delete', before, undefined), tx);
  });
}

async function mustGetTag(tx: Transaction, p: Principal, tagId: string): Promise<Tag> {
  const tag = await tx.tags.get(tagId);
  if (!tag) throw notFound(`tag ${tagId}`);
  mustReach(p, tag, `tag ${tagId}`);
  return tag;
}

async function saveUnique(tx: Transaction, tag: Tag): Promise<Tag> {
  const same = (await tx.tags.listByMerchant(tag.channelId, tag.merchantId)).find((t) => t.name === tag.name && t.id !== tag.id);
  if (same) throw conflict('tag_exists', `a tag named ${tag.name} exists already`);
  await tx.tags.save(tag);
  return tag;
}

/** The ids must name tags of exactly this channel and merchant. */
async function mustBeTagsOf(
  tx: Transaction,
  channelId: string,
  merchantId: string | undefined,
  tagIds: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(tagIds)];
  if (unique.length > TAGS_PER_RECORD_MAX) throw badRequest(`at most ${TAGS_PER_RECORD_MAX} tags`);
  const own = new Set((await tx.tags.listByMerchant(channelId, merchantId)).map((t) => t.id));
  const foreign = unique.find((id) => !own.has(id));
  if (foreign !== undefined) throw badRequest(`tagIds: no tag ${foreign} in this merchant`);
  return unique.sort();
}

export async function setConversationTags(
  deps: DeskDeps,
  p: Principal,
  conversationId: string,
  tagIds: readonly string[],
): Promise<string[]> {
  const c = await conversationInReach(deps.admin, p, conversationId);
  return deps.admin.uow.run(async (tx) => {
    if (p.role === 'agent') {
      const agent = await tx.agents.get(p.agentId);
      if (!agent || !mayActOn(agent, c)) throw forbidden(`conversation ${c.id} is a colleague’s: you may only read it`);
    }
    const kept = await mustBeTagsOf(tx, c.channelId, c.merchantId, tagIds);
    await tx.tags.setOnConversation(c.id, kept);
    return kept;
  });
}

export async function conversationTags(deps: DeskDeps, p: Principal, conversationId: string): Promise<string[]> {
  const c = await conversationInReach(deps.admin, p, conversationId);
  return (await deps.admin.uow.run((tx) => tx.tags.ofConversations([c.id]))).get(c.id) ?? [];
}

/** A customer's tags of the caller's merchant (platform admins name one; absent: the platform team's). */
export async function customerTags(deps: DeskDeps, p: Principal, customerId: string, merchantId: string | undefined): Promise<string[]> {
  const { customer } = await readCustomer(deps.admin, p, customerId);
  const merchant = await workingMerchant(deps.admin, p, customer.channelId, merchantId);
  return deps.admin.uow.run((tx) => tx.tags.ofCustomer(customer.id, merchant));
}

export async function setCustomerTags(
  deps: DeskDeps,
  p: Principal,
  customerId: string,
  merchantId: string | undefined,
  tagIds: readonly string[],
): Promise<string[]> {
  const { customer } = await readCustomer(deps.admin, p, customerId);
  const merchant = await workingMerchant(deps.admin, p, customer.channelId, merchantId);
  return deps.admin.uow.run(async (tx) => {
    const kept = await mustBeTagsOf(tx, customer.channelId, merchant, tagIds);
    await tx.tags.setOnCustomer(customer.id, merchant, kept);
    return kept;
  });
}

/** Each conversation's tag ids, for lists (one query for the page). */
export function tagsOfConversations(deps: DeskDeps, conversationIds: readonly string[]): Promise<Map<string, string[]>> {
  return deps.admin.uow.run((tx) => tx.tags.ofConversations(conversationIds));
}

/** Each conversation's tag names joined with '; ' (exports), for conversations the caller already reached. */
export function tagNamesOf(deps: Pick<AdminDeps, 'uow'>, conversationIds: readonly string[]): Promise<Map<string, string>> {
  return deps.uow.run(async (tx) => {
    const names = new Map<string, string | undefined>();
    const named = new Map<string, string>();
    for (const [conversationId, ids] of await tx.tags.ofConversations(conversationIds)) {
      for (const id of ids) if (!names.has(id)) names.set(id, (await tx.tags.get(id))?.name);
      named.set(
        conversationId,
        ids
          .map((id) => names.get(id))
          .filter((n) => n !== undefined)
          .join('; '),
      );
    }
    return named;
  });
}
