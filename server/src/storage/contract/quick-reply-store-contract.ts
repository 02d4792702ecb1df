// What every quick reply store does (memory, SQLite, PostgreSQL): exact round trips of every field,
// lists by exact owner (a team's never includes an agent's own, the platform team is not a merchant),
// replacing by id, removing.
import type { QuickReplyStore } from '../../core/ports/quick-reply-store';
import type { QuickReply } from '../../core/quick-replies/quick-reply';

export type OpenQuickReplies = () => QuickReplyStore;

const reply = (id: string, over: Partial<QuickReply> = {}): QuickReply => ({
  id,
  channelId: 'ch1',
  merchantId: 'm1',
  title: `标题 ${id}`,
  text: '您好 [name]{br}请稍等',
  createdAt: 1000,
  updatedAt: 2000,
  ...over,
});

export function quickReplyStoreContract(open: OpenQuickReplies): void {
  it('keeps every field, a picture or a card included', async () => {
    const store = open();
    const card = { title: '订单 [name]', pagePath: 'pages/o?id=1', thumbMedia: 'media:t1', appId: 'wx1234567890abcdef' };
    const a = reply('q1', { agentId: 'a1', picture: 'media:p1' });
    const b = reply('q2', { card });
    await store.save([a, b]);
    expect(await store.get('q1')).toEqual(a);
    expect(await store.get('q2')).toEqual(b);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('lists exactly one owner: a team, an agent, the platform team', async () => {
    const store = open();
    const { merchantId: _m, ...platform } = reply('q3');
    await store.save([
      reply('q1'),
      reply('q2', { agentId: 'a1' }),
      platform,
      reply('q4', { channelId: 'ch2' }),
      reply('q5', { agentId: 'a2' }),
    ]);
    const ids = async (o: Parameters<QuickReplyStore['list']>[0]) => (await store.list(o)).map((r) => r.id).sort();
    expect(await ids({ channelId: 'ch1', merchantId: 'm1' })).toEqual(['q1']);
    expect(await ids({ channelId: 'ch1', merchantId: 'm1', agentId: 'a1' })).toEqual(['q2']);
    expect(await ids({ channelId: 'ch1' })).toEqual(['q3']);
    expect(await ids({ channelId: 'ch2', merchantId: 'm1' })).toEqual(['q4']);
    expect((await store.all()).map((r) => r.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('replaces by id and removes', async () => {
    const store = open();
    await store.save([reply('q1')]);
    const changed = { ...reply('q1', { title: '新标题', text: '改了', updatedAt: 3000 }) };
    await store.save([changed]);
    expect(await store.list({ channelId: 'ch1', merchantId: 'm1' })).toEqual([changed]);
    expect(await store.remove('q1')).toBe(true);
    expect(await store.remove('q1')).toBe(false);
    expect(await store.get('q1')).toBeUndefined();
  });
}
