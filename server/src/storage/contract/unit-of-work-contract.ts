// The behaviour every UnitOfWork must show: all or nothing, and one unit at a time.
import { agent, customer, inbound, type OpenSubject, useSubject, expectRejection } from '../testing/contract-fixture';

/** Lets the event loop turn, as a unit awaiting real I/O would; the worst case for interleaving. */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function unitOfWorkContract(open: OpenSubject): void {
  const { run, subject } = useSubject(open);

  it('returns what the unit returns', async () => {
    await expect(run(async () => 42)).resolves.toBe(42);
  });

  it('a unit that throws leaves nothing behind and rethrows its error', async () => {
    const boom = new Error('boom');
    await expect(
      run(async (tx) => {
        await tx.customers.save(customer('c1'));
        await tx.agents.save(agent('a1'));
        await tx.outbox.enqueue({
          id: 'ob1',
          channelId: 'ch1',
          messageId: 'm1',
          conversationId: 'cv1',
          toOpenid: 'o',
          content: { type: 'text', text: 'x' },
          createdAt: 1,
        });
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(run((tx) => tx.customers.get('c1'))).resolves.toBeUndefined();
    await expect(run((tx) => tx.agents.get('a1'))).resolves.toBeUndefined();
    await expect(subject().outboxStore.get('ob1')).resolves.toBeUndefined();
  });

  it('a duplicate MsgId fails the whole unit, including its earlier writes', async () => {
    await run((tx) => tx.messages.add(inbound('m1', { wechatMsgId: '1' })));
    await expectRejection(
      run(async (tx) => {
        await tx.customers.save(customer('c2'));
        await tx.messages.add(inbound('m2', { wechatMsgId: '1' }));
      }),
    );
    await expect(run((tx) => tx.customers.get('c2'))).resolves.toBeUndefined();
  });

  it('units started together never interleave: each sees the other’s committed write', async () => {
    await run((tx) => tx.agents.save(agent('a1', { maxConcurrent: 0 })));
    const increment = () =>
      run(async (tx) => {
        const a = await tx.agents.get('a1');
        await yieldToLoop();
        await tx.agents.save({ ...(a ?? agent('a1')), maxConcurrent: (a?.maxConcurrent ?? 0) + 1 });
        await yieldToLoop();
        return (await tx.agents.get('a1'))?.maxConcurrent;
      });
    const results = await Promise.all([increment(), increment(), increment()]);
    expect(results).toEqual([1, 2, 3]);
    await expect(run((tx) => tx.agents.get('a1'))).resolves.toMatchObject({ maxConcurrent: 3 });
  });

  it('a failed unit does not hold up the next one, and a failing neighbour does not undo it', async () => {
    const failing = run(async (tx) => {
      await tx.customers.save(customer('bad'));
      await yieldToLoop();
      throw new Error('fail');
    });
    const good = run((tx) => tx.customers.save(customer('good')));
    await expect(failing).rejects.toThrow('fail');
    await good;
    await expect(run((tx) => tx.customers.get('good'))).resolves.toMatchObject({ id: 'good' });
    await expect(run((tx) => tx.customers.get('bad'))).resolves.toBeUndefined();
  });
}
