// Keeps the entries' vectors current, off the hot path: at start, when the knowledge store's revision
// moves (an edit here or by the CLI) and when a channel's semantic settings change. Only entries whose
// text or model changed are embedded again (their digest differs); vectors of deleted entries go. While
// the endpoint is down the stored vectors stay in use and the next refresh tries again.
import { createHash } from 'node:crypto';
import type { EntryVector, SemanticConfig, SemanticStore } from '../../core/ports/semantic-store';
import type { KnowledgeEntry } from '../entry';
import type { KnowledgeStore } from '../knowledge-store';
import { embed as httpEmbed, type Embed } from './embeddings-client';
import type { SemanticLog, SemanticStage } from './semantic-stage';

const BATCH = 32;
/** Background calls may take longer than a customer's question. */
const REFRESH_TIMEOUT_MS = 30_000;

export interface RefresherDeps {
  store: SemanticStore;
  knowledge: Pick<KnowledgeStore, 'all' | 'revision'>;
  stage: SemanticStage;
  embed?: Embed;
  log?: SemanticLog;
  /** How often to look at the knowledge store's revision; 0: never (tests call refresh()). */
  pollMs?: number;
}

/** What is embedded for an entry: everything a customer's question may be compared with. */
export function entryText(e: KnowledgeEntry): string {
  const parts = [e.title, ...e.keywords, ...e.similarQuestions, e.description, e.type === 'text' ? e.text : undefined];
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .join('\n')
    .slice(0, 2000);
}

const digestOf = (model: string, text: string) => createHash('sha256').update(`${model}\n${text}`).digest('base64url');
const key = (merchantId: string | undefined, number: number) => `${merchantId ?? ''}#${number}`;

export class SemanticRefresher {
  private chain: Promise<void> = Promise.resolve();
  private revision = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: RefresherDeps) {}

  /** Settings at once; vectors (stored ones, then fresh ones) in the background: start-up never waits for the endpoint. */
  async start(): Promise<void> {
    this.deps.stage.setConfigs(await this.deps.store.configs());
    void this.refresh().catch(() => undefined);
    const ms = this.deps.pollMs ?? 1000;
    if (ms <= 0) return;
    this.timer = setInterval(() => void this.refreshIfChanged().catch(() => undefined), ms);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Settings and vectors of every channel; calls are chained, never interleaved. */
  refresh(): Promise<void> {
    this.chain = this.chain.catch(() => undefined).then(() => this.run());
    return this.chain;
  }

  /** Reads the settings again at once (the settings route), vectors follow in the background. */
  async reloadSettings(): Promise<void> {
    this.deps.stage.setConfigs(await this.deps.store.configs());
    void this.refresh().catch(() => undefined);
  }

  private async refreshIfChanged(): Promise<void> {
    if ((await this.deps.knowledge.revision()) !== this.revision) await this.refresh();
  }

  private async run(): Promise<void> {
    const revision = await this.deps.knowledge.revision();
    const configs = await this.deps.store.configs();
    this.deps.stage.setConfigs(configs);
    const active = configs.filter((c) => this.deps.stage.active(c.channelId));
    const entries = active.length > 0 ? await this.deps.knowledge.all() : []; // off everywhere: nothing to read
    for (const config of active)
      await this.channel(
        config,
        entries.filter((e) => e.channelId === config.channelId),
      );
    this.revision = revision;
  }

  private async channel(config: SemanticConfig, entries: readonly KnowledgeEntry[]): Promise<void> {
    const stored = new Map((await this.deps.store.vectors(config.channelId)).map((v) => [key(v.merchantId, v.number), v]));
    const wanted = entries.map((e) => ({ e, text: entryText(e), digest: digestOf(config.model, entryText(e)) }));
    const stale = wanted.filter((w) => w.text !== '' && stored.get(key(w.e.merchantId, w.e.number))?.digest !== w.digest);
    const fresh: EntryVector[] = [];
    try {
      for (let i = 0; i < stale.length; i += BATCH) {
        const batch = stale.slice(i, i + BATCH);
        const vectors = await (this.deps.embed ?? httpEmbed)(
          config,
          batch.map((w) => w.text),
          REFRESH_TIMEOUT_MS,
        );
        batch.forEach(({ e, digest }, j) => fresh.push(vectorOf(e, digest, vectors[j] as Float32Array)));
      }
    } catch (err) {
      const why = err instanceof Error ? err.message : 'failed';
      this.deps.log?.warn({ channelId: config.channelId, why, pending: stale.length - fresh.length }, 'entry vectors not refreshed');
    }
    for (const v of fresh) stored.set(key(v.merchantId, v.number), v);
    const live = new Set(entries.map((e) => key(e.merchantId, e.number)));
    const keep = [...stored.entries()].filter(([k]) => live.has(k)).map(([, v]) => v);
    if (fresh.length > 0 || keep.length !== stored.size) await this.deps.store.putVectors(config.channelId, keep, true);
    this.deps.stage.setVectors(config.channelId, keep);
  }
}

function vectorOf(e: KnowledgeEntry, digest: string, vector: Float32Array): EntryVector {
  return { channelId: e.channelId, ...(e.merchantId !== undefined && { merchantId: e.merchantId }), number: e.number, digest, vector };
}
