// What the agent's-desk stories (notes, tags, search) need: the engine (a note is written in a unit of
// work and announced after it commits), the admin stories' lookups of reach, and the search port (absent
// on a server composed without it: its routes answer 404).
import type { ConversationSearch } from '../../core/ports/conversation-search';
import type { AdminDeps } from '../admin/admin-deps';
import type { EngineDeps } from '../support/engine-deps';

export interface DeskDeps {
  engine: EngineDeps;
  admin: AdminDeps;
  search?: ConversationSearch;
}
