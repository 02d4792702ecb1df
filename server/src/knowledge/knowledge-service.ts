// Administration of the knowledge base (REST API and CLI) and the upkeep of the robot's memory: every
// write is followed by a reload of the in-memory indexes, so an edit counts from the next message on; a
// poll of the store's revision picks up edits made by another process (the CLI on the same database
// file). Misses tallied by the robot are written out here, after the unit of work that saw them.
import type { ChannelKind } from '../core/channel';
import { EngineError } from '../core/errors';
import { importedMediaProblems, mustBeSendable, sendProblemsByNumber } from './entry-checks';
import { entryFields, isLive, type EntryFields, type KnowledgeEntry } from './entry';
import { cleanFields, exportEntries, importEntries, ImportError, type ExportFormat } from './entry-codec';
import type { KnowledgeBase } from './knowledge-base';
import { cleanGroups, exportSynonyms, importSynonyms, SynonymImportError, synonymGroups, type SynonymGroups } from './synonym-groups';
import type { KnowledgeStore, MissCount, RobotSettings, Scope, StoredMedia } from './knowledge-store';
import { normalize } from './tokens';
import { importPictures } from './import-pictures';
import { checkImportText, decodeImportBytes } from './text-encoding';

export interface KnowledgeServiceOptions {
  now(): number;
  newId(prefix: string): string;
  /** How often to look for edits made by another process; 0: never (tests). */
  pollMs?: number;
  /** Downloads of pictures given by URL in imported files; default global fetch. */
  fetch?: typeof fetch;
  /** The kind of a channel, whose WeChat rules entries are checked against; unknown: the stricter ones. */
  channelKind?(channelId: string): Promise<ChannelKind | undefined>;
}

const invalid = (problems: string[]) => new EngineError('invalid_input', problems.join('; '));
const sameScope = (e: KnowledgeEntry, s: Scope) => e.channelId === s.channelId && (e.merchantId ?? '') === (s.merchantId ?? '');

export class KnowledgeService {
  private revision = -1;
  private reloading: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private flushing: NodeJS.Timeout | undefined;

  constructor(
    readonly store: KnowledgeStore,
    readonly base: KnowledgeBase,
    private readonly options: KnowledgeServiceOptions,
  ) {}

  async start(): Promise<void> {
    await this.reload();
    const ms = this.options.pollMs ?? 1000;
    if (ms <= 0) return;
    this.timer = setInterval(() => void this.reloadIfChanged().catch(() => undefined), ms);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.flushing);
    await this.flushMisses().catch(() => undefined);
  }

  /** Reads everything again; calls are chained so two reloads never interleave. */
  reload(): Promise<void> {
    this.reloading = this.reloading
      .catch(() => undefined)
      .then(async () => {
        const revision = await this.store.revision();
        this.base.loadAll(await this.store.all(), await this.store.settings(), await this.store.synonyms());
        this.revision = revision;
      });
    return this.reloading;
  }

  async reloadIfChanged(): Promise<void> {
    if ((await this.store.revision()) !== this.revision) await this.reload();
  }

  list(scope: Scope): KnowledgeEntry[] {
    return [...this.base.index(scope).entries].filter((e) => sameScope(e, scope)).sort((a, b) => a.number - b.number);
  }

  /** The live entry a number or an exact keyword names, for any robot (agents send what they choose). */
  lookup(scope: Scope, key: string): KnowledgeEntry | undefined {
    const now = this.options.now();
    return this.base.index(scope).exact(key, (e) => sameScope(e, scope) && isLive(e, now))?.entry;
  }

  /**
   * An agent's search of one scope's live entries: the robot's matcher first (number, keyword, ranked with
   * a lower floor), then entries whose keywords, similar questions, title or text contain the query, by number.
   */
  search(scope: Scope, query: string, limit: number): KnowledgeEntry[] {
    const now = this.options.now();
    const usable = (e: KnowledgeEntry) => sameScope(e, scope) && isLive(e, now);
    const index = this.base.index(scope);
    const found = index.search(query, usable, limit).map((m) => m.entry);
    const needle = normalize(query);
    if (found.length >= limit || needle === '') return found;
    const seen = new Set(found);
    const contains = (e: KnowledgeEntry) =>
      [...e.keywords, ...e.similarQuestions, e.title ?? '', e.text ?? ''].some((t) => normalize(t).includes(needle));
    const more = [...index.entries].filter((e) => !seen.has(e) && usable(e) && contains(e)).sort((a, b) => a.number - b.number);
    return [...found, ...more].slice(0, limit);
  }

  get(scope: Scope, number: number): KnowledgeEntry {
    const e = this.list(scope).find((x) => x.number === number);
    if (!e) throw new EngineError('not_found', `knowledge entry ${number} not found`);
    return e;
  }

  async create(scope: Scope, fields: EntryFields): Promise<KnowledgeEntry> {
    if (this.list(scope).some((e) => e.number === fields.number))
      throw new EngineError('invalid_state', `entry number ${fields.number} is taken`);
    return this.save(scope, fields);
  }

  /** Changes some fields; `null` removes an optional one. */
  async update(scope: Scope, number: number, patch: Record<string, unknown>): Promise<KnowledgeEntry> {
    const { channelId: _c, merchantId: _m, updatedAt: _u, ...current } = this.get(scope, number);
    const merged: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    }
    if (merged.number !== number) throw invalid(['the number of an entry cannot change (create a new one)']);
    const parsed = entryFields.safeParse(merged);
    if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    return this.save(scope, parsed.data);
  }

  /** Adds a question (from the misses, say) to an entry's similar questions, as one line of at most 200 characters. */
  async addSimilarQuestion(scope: Scope, number: number, question: string): Promise<KnowledgeEntry> {
    const line = question.replace(/\s+/g, ' ').trim().slice(0, 200).trim();
    const { similarQuestions } = this.get(scope, number);
    if (similarQuestions.includes(line)) return this.get(scope, number);
    return this.update(scope, number, { similarQuestions: [...similarQuestions, line] });
  }

  async remove(scope: Scope, number: number): Promise<void> {
    if (!(await this.store.remove(scope, number))) throw new EngineError('not_found', `knowledge entry ${number} not found`);
    await this.reload();
  }

  /**
   * Adds or replaces entries by number; with `replace`, entries not in the file are deleted. The file's
   * bytes are decoded here (UTF-8 or GBK); picture URLs of image and card entries are fetched and stored.
   */
  async import(scope: Scope, data: string | Uint8Array, format: ExportFormat, replace: boolean): Promise<number> {
    let fields: EntryFields[];
    const kind = await this.kindOf(scope);
    try {
      const text = typeof data === 'string' ? checkImportText(data) : decodeImportBytes(data).text;
      const save = (file: Omit<StoredMedia, 'id' | 'createdAt'>) => this.saveMedia(file);
      const fetch = this.options.fetch;
      const entries = importEntries(text, format, kind);
      // Stored media the file names are checked before any picture is fetched: a refusal leaves nothing behind.
      const refused = await importedMediaProblems(entries, kind, this.loadMedia);
      if (refused.length > 0) throw new ImportError(refused);
      fields = await importPictures(entries, { save, owner: scope, ...(fetch && { fetch }) });
    } catch (err) {
      if (err instanceof ImportError) throw invalid(err.problems.slice(0, 20));
      throw err;
    }
    const now = this.options.now();
    await this.store.put(
      fields.map((f) => ({ ...scope, ...f, updatedAt: now })),
      replace ? scope : undefined,
    );
    await this.reload();
    return fields.length;
  }

  export(scope: Scope, format: ExportFormat): string {
    return exportEntries(
      this.list(scope).map(({ channelId: _c, merchantId: _m, updatedAt: _u, ...f }) => f),
      format,
    );
  }

  settings(scope: Scope): RobotSettings {
    return this.base.settings(scope);
  }

  async saveSettings(scope: Scope, settings: RobotSettings): Promise<RobotSettings> {
    await this.store.saveSettings(scope, settings);
    await this.reload();
    return settings;
  }

  /** The scope's own synonym groups. */
  synonyms(scope: Scope): SynonymGroups {
    return this.base.synonymsOf(scope);
  }

  /** Replaces the scope's synonym groups; the index is rebuilt with them. */
  async saveSynonyms(scope: Scope, groups: readonly (readonly string[])[]): Promise<SynonymGroups> {
    const parsed = synonymGroups.safeParse(cleanGroups(groups));
    if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `groups.${i.path.join('.')}: ${i.message}`));
    await this.store.saveSynonyms(scope, parsed.data);
    await this.reload();
    return parsed.data;
  }

  async importSynonyms(scope: Scope, csv: string): Promise<SynonymGroups> {
    let groups: SynonymGroups;
    try {
      groups = importSynonyms(csv);
    } catch (err) {
      if (err instanceof SynonymImportError) throw invalid(err.problems.slice(0, 20));
      throw err;
    }
    return this.saveSynonyms(scope, groups);
  }

  exportSynonyms(scope: Scope): string {
    return exportSynonyms(this.synonyms(scope));
  }

  async misses(scope: Scope, limit: number): Promise<MissCount[]> {
    await this.flushMisses();
    return this.store.misses(scope, limit);
  }

  /** Answers the media source (`media:<id>`) entries and replies refer to. */
  async saveMedia(file: Omit<StoredMedia, 'id' | 'createdAt'>): Promise<string> {
    const id = this.options.newId('kbm').replace(/[^A-Za-z0-9_-]/g, '_');
    await this.store.saveMedia({ id, ...file, createdAt: this.options.now() });
    return `media:${id}`;
  }

  /** The stored media of a `media:<id>` source or a bare id. */
  media(idOrSource: string): Promise<StoredMedia | undefined> {
    return this.store.media(idOrSource.replace(/^media:/, ''));
  }

  /**
   * The robot calls this from inside a unit of work: nothing is written there. The write is scheduled
   * for later, and the store's queue would run it only after the unit anyway.
   */
  missRecorded(): void {
    if (this.flushing) return;
    this.flushing = setTimeout(() => {
      this.flushing = undefined;
      void this.flushMisses().catch(() => undefined);
    }, 0);
    this.flushing.unref();
  }

  async flushMisses(): Promise<void> {
    const misses = this.base.takeMisses();
    if (misses.length > 0) await this.store.addMisses(misses);
  }

  /** Why stored entries would fail to send (stored before the rules, or their media changed), by number. */
  async sendProblems(scope: Scope): Promise<Map<number, string[]>> {
    return sendProblemsByNumber(this.list(scope), await this.kindOf(scope), this.loadMedia);
  }

  private readonly kindOf = async (scope: Scope) => this.options.channelKind?.(scope.channelId);
  private readonly loadMedia = (id: string) => this.store.media(id);

  private async save(scope: Scope, fields: EntryFields): Promise<KnowledgeEntry> {
    const clean = cleanFields(fields);
    await mustBeSendable(clean, await this.kindOf(scope), this.loadMedia);
    const entry: KnowledgeEntry = { ...scope, ...clean, updatedAt: this.options.now() };
    await this.store.put([entry]);
    await this.reload();
    return entry;
  }
}
