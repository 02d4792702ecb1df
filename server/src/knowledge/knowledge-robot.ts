// The robot of the engine's port, over the knowledge base in memory (it runs inside a unit of work, so it
// makes no storage call). A merchant's customer is answered from the merchant's entries first, then from
// the platform's. Unanswered: the engine sends its "did not understand, reply 人工" text (per reception
// mode); after `handoffAfterMisses` in a row the robot asks for a person itself. A customer whose first
// message matches nothing gets the welcome entry (引导语, with its numbered menu) instead: WeChat's
// user_enter_tempsession reaches the engine without a conversation to answer in (see the report).
import type { MessageContent } from '../core/model/message';
import type { Robot, RobotAnswer, RobotContext } from '../core/ports/robot';
import { isLive, type KnowledgeEntry } from './entry';
import type { KnowledgeBase } from './knowledge-base';
import { asksForPerson } from './handoff-intent';
import type { Decision } from './ranking';
import { menuText } from './ranking';
import type { Scope } from './knowledge-store';
import { renderEntry, renderEntryReplies } from './render';
import type { SemanticStage } from './semantic/semantic-stage';

export interface KnowledgeRobotOptions {
  now(): number;
  /** Called after a miss was tallied (the service writes misses out later, outside the unit). */
  onMiss?(): void;
  /** Conversations whose miss streak is remembered; the oldest are forgotten beyond this. */
  maxConversations?: number;
  /** The optional semantic stage (semantic/); absent or off for a channel: lexical answers only. */
  semantic?: SemanticStage;
}

export const HANDOFF_TEXT = '好的，正在为您转接人工客服。Connecting you to a person.';
export const GAVE_UP_TEXT = '抱歉，我暂时无法回答您的问题。Sorry, I could not answer your question.';

export class KnowledgeRobot implements Robot {
  /** Unanswered questions in a row, per conversation; present once the robot has answered there. */
  private readonly streaks = new Map<string, number>();

  constructor(
    private readonly base: KnowledgeBase,
    private readonly options: KnowledgeRobotOptions,
  ) {}

  /**
   * Before the unit of work: the semantic stage fetches the question's embedding (within its budget).
   * A number or an exact keyword of the channel's entries stands on its own and needs none.
   */
  async prepare(channelId: string, merchantId: string | undefined, text: string): Promise<void> {
    const semantic = this.options.semantic;
    if (!semantic || text.trim() === '') return;
    const first: Scope = { channelId, ...(merchantId !== undefined && { merchantId }) };
    const now = this.options.now();
    if (this.base.index(first).exact(text, (e) => isLive(e, now) && e.robotIds.length === 0)) return;
    await semantic.prepare(channelId, text);
  }

  async answer(question: MessageContent, ctx: RobotContext): Promise<RobotAnswer> {
    const text = question.type === 'text' ? question.text : question.type === 'voice' ? question.recognition : undefined;
    if (text === undefined || text.trim() === '') return { kind: 'no_answer' };
    const now = this.options.now();
    const found = this.find(text, ctx, now);
    const firstTurn = !this.streaks.has(ctx.conversationId);
    if (found.kind === 'answer' && found.how !== 'ranked') return this.reply(found.entry, ctx);
    if (asksForPerson(text)) return this.handOff(ctx, now);
    if (found.kind === 'answer') return this.reply(found.entry, ctx);
    if (found.kind === 'menu') {
      this.remember(ctx.conversationId, 0);
      return { kind: 'answer', replies: [{ type: 'text', text: menuText(found.entries) }] };
    }
    const own = ownScope(ctx);
    this.base.recordMiss(own, text, now);
    this.options.onMiss?.();
    const welcome = firstTurn ? this.welcome(ctx, now) : undefined;
    if (welcome) {
      this.remember(ctx.conversationId, 0);
      return { kind: 'answer', replies: this.replies(welcome, ctx) };
    }
    const streak = (this.streaks.get(ctx.conversationId) ?? 0) + 1;
    const limit = this.base.settings(own).handoffAfterMisses;
    if (limit > 0 && streak >= limit) {
      this.remember(ctx.conversationId, 0);
      return { kind: 'answer', replies: [{ type: 'text', text: GAVE_UP_TEXT }], handoff: true };
    }
    this.remember(ctx.conversationId, streak);
    return { kind: 'no_answer' };
  }

  /** The welcome entry (引导语) of the customer's scope, rendered for them; undefined when there is none. */
  greeting(ctx: RobotContext): MessageContent | undefined {
    const e = this.welcome(ctx, this.options.now());
    return e && this.render(e, ctx);
  }

  private find(text: string, ctx: RobotContext, now: number): Decision {
    const lexical = this.findLexical(text, ctx, now);
    // Semantic stage (optional, per channel): re-ranks ranked answers and recalls entries the lexical
    // stage missed; a number or an exact keyword stands. It reads only the vector `prepare` fetched
    // before the unit of work: without one, `lexical` stands (no network call inside the unit).
    const semantic = this.options.semantic;
    if (!semantic || (lexical.kind === 'answer' && lexical.how !== 'ranked')) return lexical;
    const ranked = lexical.kind === 'answer' ? lexical : undefined;
    const refined = semantic.refine(text, scopes(ctx), { base: this.base, robotId: ctx.robotId, now }, ranked);
    if (refined) return { kind: 'answer', ...refined };
    return lexical.kind === 'menu' ? lexical : { kind: 'none' };
  }

  /** An entry named exactly or ranked high enough, else a menu of close entries, own scope first. */
  private findLexical(text: string, ctx: RobotContext, now: number): Decision {
    let fallback: Decision = { kind: 'none' };
    for (const scope of scopes(ctx)) {
      const d = this.base.index(scope).decide(text, ctx.robotId, now, this.base.settings(scope).threshold);
      if (d.kind === 'answer') return d;
      if (d.kind === 'menu' && fallback.kind === 'none') fallback = d;
    }
    return fallback;
  }

  private reply(entry: KnowledgeEntry, ctx: RobotContext): RobotAnswer {
    this.remember(ctx.conversationId, 0);
    return { kind: 'answer', replies: this.replies(entry, ctx), ...(entry.handoff && { handoff: true }) };
  }

  /** Asking for a person: the scope's hand-off entry when there is one, else a hand-off of the robot's own. */
  private handOff(ctx: RobotContext, now: number): RobotAnswer {
    this.remember(ctx.conversationId, 0);
    for (const scope of scopes(ctx)) {
      const e = this.base.index(scope).handoffEntry(ctx.robotId, now);
      if (e) return { kind: 'answer', replies: this.replies(e, ctx), handoff: true };
    }
    return { kind: 'answer', replies: [{ type: 'text', text: HANDOFF_TEXT }], handoff: true };
  }

  private welcome(ctx: RobotContext, now: number): KnowledgeEntry | undefined {
    for (const scope of scopes(ctx)) {
      const e = this.base.index(scope).welcome(ctx.robotId, now);
      if (e) return e;
    }
    return undefined;
  }

  /** The greeting is one message (the engine may join it with another line), so it goes without its lead text. */
  private render(e: KnowledgeEntry, ctx: RobotContext): MessageContent {
    return renderEntry(e, recipient(ctx));
  }

  private replies(e: KnowledgeEntry, ctx: RobotContext): MessageContent[] {
    return renderEntryReplies(e, recipient(ctx));
  }

  private remember(conversationId: string, streak: number): void {
    this.streaks.delete(conversationId); // re-inserted last: Map order is the forgetting order
    this.streaks.set(conversationId, streak);
    const max = this.options.maxConversations ?? 100_000;
    if (this.streaks.size > max) this.streaks.delete(this.streaks.keys().next().value as string);
  }
}

const recipient = (ctx: RobotContext) => ({
  id: ctx.customer.id,
  ...(ctx.customer.nickname !== undefined && { nickname: ctx.customer.nickname }),
});

const ownScope = (ctx: RobotContext): Scope => ({
  channelId: ctx.channelId,
  ...(ctx.merchantId !== undefined && { merchantId: ctx.merchantId }),
});

function scopes(ctx: RobotContext): Scope[] {
  return ctx.merchantId === undefined ? [{ channelId: ctx.channelId }] : [ownScope(ctx), { channelId: ctx.channelId }];
}
