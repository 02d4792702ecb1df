// What an agent's reply sends, from the reply body: text, a picture, a mini program card or a knowledge
// entry or a quick reply. Media stay references (`kbref:media:<id>`) that the outbox sender uploads to WeChat just before
// sending (knowledge/media-resolver.ts); they must be media the conversation's merchant may see, so a
// reply never shows one merchant's picture in another merchant's chat.
import type { z } from 'zod';
import type { Conversation } from '../../../core/model/conversation';
import type { MessageContent } from '../../../core/model/message';
import { isLive } from '../../../knowledge/entry';
import { mediaRef, renderEntryReplies } from '../../../knowledge/render';
import { channelOf } from '../../../app/admin/channels';
import { customerOf } from '../../../app/admin/customers';
import { quickReplyDeps, type ApiContext } from '../api-context';
import type { Principal } from '../../../app/auth/principal';
import { quickReplyToSend } from '../../../app/quick-replies/index';
import { quickReplyContents } from '../../../knowledge/quick-reply-render';
import { badRequest, forbidden, notFound } from '../../../app/errors';
import type { replyBody } from '../../../contract/conversation';
import { mediaSeenFrom } from './lookups';

type ReplyBody = z.output<typeof replyBody>;

async function picture(ctx: ApiContext, c: Conversation, source: string, field: string): Promise<string> {
  const media = await ctx.knowledge?.media(source);
  if (!media) throw notFound(`${field}: media ${source}`);
  if (!mediaSeenFrom(media, c)) throw forbidden(`${field}: ${source} belongs to another merchant`);
  if (!media.contentType.startsWith('image/')) throw badRequest(`${field}: ${source} is not a picture`);
  return mediaRef(source);
}

/** The entry's messages in order: its lead text, when it has one, then the entry. */
async function knowledgeEntry(ctx: ApiContext, c: Conversation, number: number, kind: string): Promise<MessageContent[]> {
  if (!ctx.knowledge) throw notFound('knowledge base');
  const scope = { channelId: c.channelId, ...(c.merchantId !== undefined && { merchantId: c.merchantId }) };
  const entry = ctx.knowledge.list(scope).find((e) => e.number === number);
  // 404 as for an entry the caller reads: another merchant's number tells nothing about that merchant.
  if (!entry || !isLive(entry, ctx.clock.now()))
    throw notFound(`body.knowledge.number: live entry ${number} of this merchant’s knowledge base`);
  if (kind === 'miniprogram' && (entry.type === 'voice' || entry.type === 'video'))
    throw badRequest(`body.knowledge.number: entry ${number} is a ${entry.type} entry, which a mini program cannot send`);
  const customer = await customerOf(ctx.admin, c);
  return renderEntryReplies(entry, { id: c.customerId, ...(customer?.nickname !== undefined && { nickname: customer.nickname }) });
}

/** The agent's own or their team's quick reply, filled for the customer; its pictures checked as a reply's. */
async function quickReplyOf(ctx: ApiContext, p: Principal, c: Conversation, id: string): Promise<MessageContent[]> {
  const r = await quickReplyToSend(quickReplyDeps(ctx), p, c, id);
  if (r.picture !== undefined) await picture(ctx, c, r.picture, 'body.quickReply: its picture');
  if (r.card !== undefined) await picture(ctx, c, r.card.thumbMedia, 'body.quickReply: its card’s picture');
  const channel = await channelOf(ctx.admin, c.channelId);
  if (r.card !== undefined && channel.kind === 'official_account' && r.card.appId === undefined)
    throw badRequest('body.quickReply: its card must name the mini program’s AppID on an official account');
  return quickReplyContents(r, channel.kind);
}

/** The messages a reply sends, in order (a knowledge entry with a lead text sends two). */
export async function replyContents(ctx: ApiContext, p: Principal, c: Conversation, body: ReplyBody): Promise<MessageContent[]> {
  if (body.knowledge) {
    const channel = await channelOf(ctx.admin, c.channelId);
    return knowledgeEntry(ctx, c, body.knowledge.number, channel.kind);
  }
  if (body.quickReply) return quickReplyOf(ctx, p, c, body.quickReply.id);
  return [await replyContent(ctx, c, body)];
}

async function replyContent(ctx: ApiContext, c: Conversation, body: ReplyBody): Promise<MessageContent> {
  if (body.text !== undefined) return { type: 'text', text: body.text };
  const channel = await channelOf(ctx.admin, c.channelId);
  if (body.image) return { type: 'image', mediaId: await picture(ctx, c, body.image.media, 'body.image.media') };
  if (body.card) {
    const { title, pagePath, appId } = body.card;
    const official = channel.kind === 'official_account';
    // A mini program's card always opens one of its own pages; only an official account names the app.
    if (official && appId === undefined) throw badRequest('body.card.appId: an official account’s card must name the mini program’s AppID');
    const thumbMediaId = await picture(ctx, c, body.card.thumbMedia, 'body.card.thumbMedia');
    return { type: 'miniprogrampage', title, pagePath, thumbMediaId, ...(official && appId !== undefined && { appId }) };
  }
  throw badRequest('give exactly one of text, image, card, knowledge');
}
