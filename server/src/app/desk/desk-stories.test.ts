// The desk's stories on the in-memory engine: a note goes to the notes, never to the outbox, and is
// announced to whoever holds the conversation; a transfer's note is for the receiving agent and a bad one
// refuses the transfer before anything moves; tags stay within their merchant; search keeps an agent
// within their sight (colleagues' conversations hidden by the settings, UnionIDs not shown to agents).
import { InMemoryConversationSearch } from '../../core/testing/in-memory-search';
import type { Principal } from '../auth/principal';
import { adminFixture, type AdminFixture } from '../testing/admin-fixture';
import { transferConversation } from '../transfer-conversation';
import type { DeskDeps } from './desk-deps';
import { addNote, listNotes } from './notes';
import { searchConversations } from './search';
import { createTag, setConversationTags } from './tags';

const via = { kind: 'token', tokenId: 't' } as const;
const agent = (agentId: string): Principal => ({ role: 'agent', channelId: 'ch1', agentId, via });
const platform: Principal = { role: 'platform_admin', via };

let f: AdminFixture;
let deps: DeskDeps;
let id: string;
beforeEach(async () => {
  f = await adminFixture();
  deps = { engine: f.engine.deps, admin: f.admin, search: new InMemoryConversationSearch(f.engine.store) };
  await f.engine.agent('a1');
  const said = await f.engine.say('u1', '你好，我想退货，谢谢');
  if (said.kind !== 'handled') throw new Error('not handled');
  id = said.conversationId;
  await f.engine.agent('a2');
});

describe('notes', () => {
  it('are kept beside the conversation, never put in the outbox, and announced to its agent', async () => {
    const outbox = f.engine.store.data.outbox.length;
    f.engine.notifier.notices.length = 0;
    const note = await addNote(deps, agent('a2'), id, ' 老客户 ');
    expect(note).toMatchObject({ conversationId: id, text: '老客户', author: { kind: 'agent', agentId: 'a2' } });
    expect(f.engine.store.data.outbox).toHaveLength(outbox);
    expect(f.engine.notifier.notices).toEqual([
      { type: 'note_added', channelId: 'ch1', conversationId: id, noteId: note.id, agentId: 'a1' },
    ]);
    await addNote(deps, platform, id, '已核实');
    expect((await listNotes(deps, agent('a1'), id)).map((n) => [n.text, n.author])).toEqual([
      ['老客户', { kind: 'agent', agentId: 'a2' }],
      ['已核实', { kind: 'admin', name: 'platform_admin' }],
    ]);
    await expect(addNote(deps, agent('a1'), id, '  ')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('are not seen by a colleague the settings hide the conversation from', async () => {
    await f.engine.settings({ colleaguesConversations: 'hidden' });
    await expect(listNotes(deps, agent('a2'), id)).rejects.toMatchObject({ status: 404 });
    await expect(addNote(deps, agent('a2'), id, 'x')).rejects.toMatchObject({ status: 404 });
  });

  it('a transfer’s note is for the receiving agent; a bad one refuses the transfer and moves nothing', async () => {
    const author = { kind: 'agent', agentId: 'a1' } as const;
    const tooLong = { text: '长'.repeat(2001), author };
    await expect(
      transferConversation(f.engine.deps, { conversationId: id, to: { kind: 'agent', agentId: 'a2' }, byAgentId: 'a1', note: tooLong }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(f.engine.conversation(id).agentId).toBe('a1');
    f.engine.notifier.notices.length = 0;
    const moved = await transferConversation(f.engine.deps, {
      conversationId: id,
      to: { kind: 'agent', agentId: 'a2' },
      byAgentId: 'a1',
      note: { text: '要退货', author },
    });
    expect(moved).toMatchObject({ ok: true, agentId: 'a2' });
    expect([...f.engine.store.data.notes.values()]).toEqual([expect.objectContaining({ text: '要退货', transfer: true, author })]);
    expect(f.engine.notifier.notices).toContainEqual(expect.objectContaining({ type: 'note_added', agentId: 'a2' }));
    expect(f.engine.sentTexts('u1').join('\n')).not.toContain('要退货');
  });
});

describe('tags and search', () => {
  it('tags stay within their merchant; an agent finds only what they may see', async () => {
    const own = await createTag(deps, platform, 'ch1', undefined, { name: 'VIP', color: '#ff0000' });
    const foreign = await createTag(deps, platform, 'ch1', 'm1', { name: 'VIP', color: '#ff0000' });
    await expect(setConversationTags(deps, agent('a1'), id, [foreign.id])).rejects.toMatchObject({ status: 400 });
    await expect(setConversationTags(deps, agent('a2'), id, [own.id])).rejects.toMatchObject({ status: 403 });
    expect(await setConversationTags(deps, agent('a1'), id, [own.id])).toEqual([own.id]);
    const found = (p: Principal, q: object) =>
      searchConversations(deps, p, 'ch1', { limit: 10, ...q }).then((r) => r.items.map((i) => i.conversation.id));
    expect(await found(agent('a2'), { text: '退货', tagId: own.id })).toEqual([id]);
    await f.engine.settings({ colleaguesConversations: 'hidden' });
    expect(await found(agent('a2'), { text: '退货' })).toEqual([]);
    expect(await found(agent('a1'), { text: '退货' })).toEqual([id]);
    await expect(found(agent('a1'), { unionId: 'u' })).rejects.toMatchObject({ status: 403 });
    expect(await found(platform, { text: '退货', merchantId: 'm1' })).toEqual([]);
  });
});
