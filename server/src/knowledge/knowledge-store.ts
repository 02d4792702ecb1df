// The knowledge store's port lives with the other ports (core/ports/knowledge-store.ts); re-exported
// here for the knowledge base's own readers.
export type { KnowledgeStore, MediaKind, MissCount, RobotSettings, Scope, ScopeSynonyms, StoredMedia } from '../core/ports/knowledge-store';
