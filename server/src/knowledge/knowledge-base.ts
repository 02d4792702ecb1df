// The knowledge base as the robot sees it: one index per scope and each scope's robot settings, all in
// memory, swapped whole when something changes (a reader never sees half an update). A scope's own
// synonyms go into its index (buildIndex). Misses are tallied here and written out later by the service,
// outside any unit of work.
import { scopeKey, type KnowledgeEntry } from './entry';
import { DEFAULT_THRESHOLD, KnowledgeIndex } from './knowledge-index';
import type { MissCount, RobotSettings, Scope, ScopeSynonyms } from './knowledge-store';
import { normalize } from './tokens';

export const DEFAULT_ROBOT_SETTINGS: RobotSettings = { handoffAfterMisses: 3, threshold: DEFAULT_THRESHOLD };

const EMPTY = new KnowledgeIndex([]);

/** What a scope adds to the matcher: its own synonym groups, beside the built-in lexicon. */
export interface ScopeIndexOptions {
  synonyms: readonly (readonly string[])[];
}

/** The one place a scope's index is built, with the scope's own synonyms beside the built-in lexicon. */
export function buildIndex(entries: readonly KnowledgeEntry[], options: ScopeIndexOptions): KnowledgeIndex {
  return new KnowledgeIndex(entries, { synonyms: options.synonyms.map((group) => [...group]) });
}

export class KnowledgeBase {
  private indexes = new Map<string, KnowledgeIndex>();
  private settingsByScope = new Map<string, RobotSettings>();
  private synonymsByScope = new Map<string, string[][]>();
  private pending = new Map<string, MissCount & { key: string }>();

  index(scope: Scope): KnowledgeIndex {
    return this.indexes.get(scopeKey(scope.channelId, scope.merchantId)) ?? EMPTY;
  }

  settings(scope: Scope): RobotSettings {
    return this.settingsByScope.get(scopeKey(scope.channelId, scope.merchantId)) ?? DEFAULT_ROBOT_SETTINGS;
  }

  /** The scope's own synonym groups (the built-in lexicon is the matcher's). */
  synonymsOf(scope: Scope): string[][] {
    return this.synonymsByScope.get(scopeKey(scope.channelId, scope.merchantId)) ?? [];
  }

  /** Replaces every scope (start-up, or another process changed the store). */
  loadAll(entries: readonly KnowledgeEntry[], settings: readonly (Scope & RobotSettings)[], synonyms: readonly ScopeSynonyms[] = []): void {
    this.synonymsByScope = new Map(synonyms.map((s) => [scopeKey(s.channelId, s.merchantId), s.groups]));
    const groups = new Map<string, KnowledgeEntry[]>();
    for (const e of entries) {
      const key = scopeKey(e.channelId, e.merchantId);
      const list = groups.get(key) ?? [];
      list.push(e);
      groups.set(key, list);
    }
    const synonymsOf = (key: string) => this.synonymsByScope.get(key) ?? [];
    this.indexes = new Map([...groups].map(([k, list]) => [k, buildIndex(list, { synonyms: synonymsOf(k) })]));
    this.settingsByScope = new Map(
      settings.map((s) => [scopeKey(s.channelId, s.merchantId), { handoffAfterMisses: s.handoffAfterMisses, threshold: s.threshold }]),
    );
  }

  /** Replaces one scope's entries. */
  loadScope(scope: Scope, entries: readonly KnowledgeEntry[]): void {
    this.indexes.set(scopeKey(scope.channelId, scope.merchantId), buildIndex(entries, { synonyms: this.synonymsOf(scope) }));
  }

  setSettings(scope: Scope, settings: RobotSettings): void {
    this.settingsByScope.set(scopeKey(scope.channelId, scope.merchantId), settings);
  }

  recordMiss(scope: Scope, question: string, at: number): void {
    const norm = normalize(question).slice(0, 200);
    if (!norm) return;
    const key = `${scopeKey(scope.channelId, scope.merchantId)}\u0000${norm}`;
    const had = this.pending.get(key);
    if (had) this.pending.set(key, { ...had, count: had.count + 1, lastAt: at });
    else this.pending.set(key, { ...scope, key: norm, question: question.slice(0, 500), count: 1, lastAt: at });
  }

  /** Hands over the misses tallied since the last call. */
  takeMisses(): (MissCount & { key: string })[] {
    const list = [...this.pending.values()];
    this.pending.clear();
    return list;
  }

  get hasPendingMisses(): boolean {
    return this.pending.size > 0;
  }
}
