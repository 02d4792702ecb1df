import { InMemoryStore } from './in-memory-store';

describe('InMemoryStore', () => {
  it('a unit that throws leaves no trace', async () => {
    const store = new InMemoryStore();
    await expect(
      store.run(async (tx) => {
        await tx.merchants.save({ id: 'm', channelId: 'ch', code: 'M', name: 'M' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.data.merchants.size).toBe(0);
    expect(store.commits).toBe(0);
  });

  it('runs units one at a time', async () => {
    const store = new InMemoryStore();
    const order: string[] = [];
    const slow = store.run(async () => {
      order.push('a-start');
      await new Promise((r) => setTimeout(r, 5));
      order.push('a-end');
    });
    const fast = store.run(async () => void order.push('b'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['a-start', 'a-end', 'b']);
  });

  it('refuses a second message with the same MsgId', async () => {
    const store = new InMemoryStore();
    const m = {
      id: 'x',
      channelId: 'ch',
      conversationId: 'c',
      customerId: 'u',
      direction: 'in' as const,
      sender: { kind: 'customer' as const },
      content: { type: 'text' as const, text: 'hi' },
      createdAt: 0,
      wechatMsgId: '1',
    };
    await store.tx.messages.add(m);
    await expect(store.tx.messages.add({ ...m, id: 'y' })).rejects.toThrow();
  });

  it('hands out copies, never its own records', async () => {
    const store = new InMemoryStore();
    await store.tx.merchants.save({ id: 'm', channelId: 'ch', code: 'M', name: 'M' });
    const m = await store.tx.merchants.get('m');
    if (m) m.name = 'changed';
    expect((await store.tx.merchants.get('m'))?.name).toBe('M');
  });
});
