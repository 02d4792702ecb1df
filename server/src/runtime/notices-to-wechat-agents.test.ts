import type { Logger } from 'pino';
import type { EngineDeps } from '../app/support/engine-deps';
import type { EngineNotice } from '../core/ports/notifier';
import { NoticesToWeChatAgents } from './notices-to-wechat-agents';

// An engine that fails on any use: a notice acted on shows up as a logged error.
const brokenEngine = new Proxy(
  {},
  {
    get: () => {
      throw new Error('engine used');
    },
  },
) as EngineDeps;
const about = { channelId: 'shop', conversationId: 'c1', messageId: 'm1' };

function notices() {
  const error = jest.fn();
  return { error, notices: new NoticesToWeChatAgents(brokenEngine, { error } as unknown as Logger) };
}

describe('NoticesToWeChatAgents', () => {
  it('ignores notices WeChat agents do not care about (a delivery that succeeded, the queue, statuses)', async () => {
    const { error, notices: f } = notices();
    const ignored: EngineNotice[] = [
      { type: 'message_delivered', ...about, at: 1 },
      { type: 'queue_changed', channelId: 'shop', length: 1 },
      { type: 'agent_changed', channelId: 'shop', agentId: 'a1', status: 'online' },
    ];
    f.listener(ignored);
    await f.idle();
    expect(error).not.toHaveBeenCalled();
  });

  /** The reaction to a message_added notice of an agent's conversation: 1 when it acted. */
  async function actsOn(direction: 'in' | 'out', sender: { kind: 'customer' } | { kind: 'robot' }): Promise<number> {
    const { error, notices: f } = notices();
    const message = {
      id: 'm1',
      channelId: 'shop',
      conversationId: 'c1',
      customerId: 'cu1',
      direction,
      sender,
      content: { type: 'text' as const, text: '在吗' },
      createdAt: 1,
    };
    f.listener([{ type: 'message_added', ...about, agentId: 'a1', message }]);
    await f.idle();
    return error.mock.calls.length;
  }

  it('leaves a customer’s message to the story that recorded it (it forwards it in the same unit)', async () => {
    expect(await actsOn('in', { kind: 'customer' })).toBe(0);
  });

  it('follows any other message of an agent’s conversation', async () => {
    expect(await actsOn('out', { kind: 'robot' })).toBe(1);
  });

  it('follows a failed delivery', async () => {
    const { error, notices: f } = notices();
    f.listener([{ type: 'delivery_failed', ...about, reason: 'x' }]);
    await f.idle();
    expect(error).toHaveBeenCalledTimes(1);
  });
});
