// In-memory notes and tags over InMemoryData: the reference the SQLite and PostgreSQL adapters are
// checked against (storage/contract/desk-contract.ts).
import type { ConversationNote } from '../model/desk';
import type { NoteRepository, TagRepository } from '../ports/desk-repositories';
import { copy, sameMerchant, type InMemoryData } from './in-memory-data';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const oldestFirst = (a: ConversationNote, b: ConversationNote) => a.createdAt - b.createdAt || byId(a, b);
const customerKey = (customerId: string, merchantId: string | undefined) => `${customerId}|${merchantId ?? ''}`;
const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

export function inMemoryNotes(data: InMemoryData): NoteRepository {
  return {
    add: async (note) => {
      if (data.notes.has(note.id)) throw new Error(`duplicate note ${note.id}`);
      data.notes.set(note.id, copy(note));
    },
    listByConversation: async (conversationId) =>
      [...data.notes.values()]
        .filter((n) => n.conversationId === conversationId)
        .sort(oldestFirst)
        .map(copy),
  };
}

export function inMemoryTags(data: InMemoryData): TagRepository {
  return {
    get: async (id) => copy(data.tags.get(id)),
    save: async (tag) => {
      const clash = [...data.tags.values()].find(
        (t) => t.id !== tag.id && t.channelId === tag.channelId && sameMerchant(t.merchantId, tag.merchantId) && t.name === tag.name,
      );
      if (clash) throw new Error(`duplicate tag name ${tag.name}`);
      data.tags.set(tag.id, copy(tag));
    },
    remove: async (id) => {
      data.tags.delete(id);
      for (const map of [data.conversationTags, data.customerTags])
        for (const [key, ids] of map)
          map.set(
            key,
            ids.filter((t) => t !== id),
          );
    },
    listByMerchant: async (channelId, merchantId) =>
      [...data.tags.values()]
        .filter((t) => t.channelId === channelId && sameMerchant(t.merchantId, merchantId))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : byId(a, b)))
        .map(copy),
    setOnConversation: async (conversationId, tagIds) => void data.conversationTags.set(conversationId, sorted(tagIds)),
    ofConversations: async (conversationIds) => {
      const found = new Map<string, string[]>();
      for (const id of conversationIds) {
        const tags = data.conversationTags.get(id);
        if (tags && tags.length > 0) found.set(id, [...tags]);
      }
      return found;
    },
    setOnCustomer: async (customerId, merchantId, tagIds) =>
      void data.customerTags.set(customerKey(customerId, merchantId), sorted(tagIds)),
    ofCustomer: async (customerId, merchantId) => [...(data.customerTags.get(customerKey(customerId, merchantId)) ?? [])],
  };
}
