// The optional semantic stage of the knowledge robot, in memory: each channel's endpoint settings and
// its entries' vectors (loaded and refreshed off the hot path by refresher.ts). Per question it makes one
// network call, the question's embedding, in `prepare`: BEFORE the push's unit of work opens (the unit
// holds the database), bounded by the channel's time budget, kept a short while in a small cache. Inside
// the unit `refine` only reads that cache: a question without its vector (not prepared, slow or failed
// endpoint) keeps its lexical answer. Failures are logged once per burst, naming the channel, never the key.
import type { SemanticConfig } from '../../core/ports/semantic-store';
import { isLive, scopeKey, type KnowledgeEntry } from '../entry';
import type { KnowledgeBase } from '../knowledge-base';
import type { Match } from '../knowledge-index';
import type { Scope } from '../knowledge-store';
import { combine } from './combiner';
import { embed as httpEmbed, type Embed } from './embeddings-client';

/** Lexical candidates the semantic stage re-ranks. */
export const CANDIDATES = 10;
/** How long a prepared question's vector waits for its unit of work, and how many are kept at most. */
export const QUESTION_TTL_MS = 60_000;
export const QUESTION_CACHE_MAX = 1_000;

export interface SemanticLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface RefineContext {
  base: KnowledgeBase;
  robotId: string | undefined;
  now: number;
}

export class SemanticStage {
  private configs = new Map<string, SemanticConfig>();
  private vectors = new Map<string, Map<number, Float32Array>>();
  private readonly failing = new Set<string>();
  /** Prepared question vectors by (channel, model, text), oldest first. */
  private readonly questions = new Map<string, { vector: Float32Array; at: number }>();

  constructor(private readonly deps: { embed?: Embed; log?: SemanticLog; clock?: () => number } = {}) {}

  setConfigs(list: readonly SemanticConfig[]): void {
    this.configs = new Map(list.map((c) => [c.channelId, c]));
  }

  /** The channel's settings when its stage is on and usable. */
  active(channelId: string): SemanticConfig | undefined {
    const c = this.configs.get(channelId);
    return c?.enabled && c.url && c.model ? c : undefined;
  }

  /** Replaces one channel's vectors (every scope of it). */
  setVectors(channelId: string, list: readonly { merchantId?: string; number: number; vector: Float32Array }[]): void {
    const prefix = scopeKey(channelId, undefined);
    for (const key of [...this.vectors.keys()]) if (key.startsWith(prefix)) this.vectors.delete(key);
    for (const v of list) {
      const key = scopeKey(channelId, v.merchantId);
      const byNumber = this.vectors.get(key) ?? new Map<number, Float32Array>();
      byNumber.set(v.number, v.vector);
      this.vectors.set(key, byNumber);
    }
  }

  /**
   * Fetches the question's embedding when the channel's stage is on, within its time budget, and keeps it
   * for `refine`. Runs outside any unit of work; never throws (a failure leaves the answer lexical).
   */
  async prepare(channelId: string, text: string): Promise<void> {
    const config = this.active(channelId);
    if (!config || text.trim() === '') return;
    const key = questionKey(config, text);
    if (this.cached(key)) return;
    const vector = await this.questionVector(config, text);
    if (!vector) return;
    this.questions.delete(key); // re-inserted last: Map order is the forgetting order
    this.questions.set(key, { vector, at: this.now() });
    if (this.questions.size > QUESTION_CACHE_MAX) this.questions.delete(this.questions.keys().next().value as string);
  }

  /**
   * The answer once meaning is taken into account: per scope (the customer's own first), the lexical
   * candidates re-ranked and the entries they missed recalled. `lexical` when the stage is off or the
   * question's vector was not prepared; it makes no network call (it runs inside the unit of work).
   */
  refine(text: string, scopes: readonly Scope[], ctx: RefineContext, lexical: Match | undefined): Match | undefined {
    const channelId = scopes[0]?.channelId;
    const config = channelId === undefined ? undefined : this.active(channelId);
    const question = config && this.cached(questionKey(config, text));
    if (!question) return lexical;
    const usable = (e: KnowledgeEntry) =>
      isLive(e, ctx.now) && (e.robotIds.length === 0 || (ctx.robotId !== undefined && e.robotIds.includes(ctx.robotId)));
    for (const scope of scopes) {
      const index = ctx.base.index(scope);
      const vectors = this.vectors.get(scopeKey(scope.channelId, scope.merchantId));
      const candidates = index.search(text, usable, CANDIDATES, 0);
      const recallable = vectors ? index.entries.filter((e) => vectors.has(e.number) && usable(e)) : [];
      const best = combine(candidates, recallable, (e) => vectors?.get(e.number), question, ctx.base.settings(scope).threshold);
      if (best) return { entry: best.entry, how: 'ranked', score: best.score };
    }
    return undefined;
  }

  private cached(key: string): Float32Array | undefined {
    const hit = this.questions.get(key);
    if (hit && this.now() - hit.at <= QUESTION_TTL_MS) return hit.vector;
    if (hit) this.questions.delete(key);
    return undefined;
  }

  private now(): number {
    return (this.deps.clock ?? Date.now)();
  }

  private async questionVector(config: SemanticConfig, text: string): Promise<Float32Array | undefined> {
    const embed = this.deps.embed ?? httpEmbed;
    try {
      const [v] = await embed(config, [text.slice(0, 2000)], config.timeoutMs);
      if (this.failing.delete(config.channelId)) this.deps.log?.info({ channelId: config.channelId }, 'semantic stage answers again');
      return v;
    } catch (err) {
      if (!this.failing.has(config.channelId)) {
        this.failing.add(config.channelId);
        const why = err instanceof Error ? err.message : 'failed';
        this.deps.log?.warn({ channelId: config.channelId, why }, 'semantic stage unavailable: the robot answers lexically');
      }
      return undefined;
    }
  }
}

/** Merchants share their channel's settings, so a question's vector depends on the channel's model only. */
const questionKey = (config: SemanticConfig, text: string) => `${config.channelId}\u0000${config.model}\u0000${text}`;
