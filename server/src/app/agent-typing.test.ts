// The typing story: the indicator goes to WeChat only when its rules allow (after the customer's message,
// within 30 s, not twice in 15 s, a send ending it), only from the agent holding the conversation.
import type { TypingCommand } from '../core/typing/typing-rule';
import { agentReply } from './agent-reply';
import { agentTyping, type TypingDeps } from './agent-typing';
import { engineFixture, type EngineFixture } from './testing/engine-fixture';

let f: EngineFixture;
let sent: Array<[string, TypingCommand]>;
let deps: TypingDeps;
let conversationId: string;
let refuse = false;

beforeEach(async () => {
  f = engineFixture();
  sent = [];
  refuse = false;
  deps = {
    engine: f.deps,
    sentAt: new Map(),
    sender: {
      setTyping: async (_channel, openid, command) => {
        if (refuse) throw new Error('45081');
        sent.push([openid, command]);
      },
    },
  };
  await f.settings({ receptionMode: 'agents_only' });
  await f.agent('a1');
  await f.agent('a2');
  const r = await f.say('oT', '在吗');
  if (r.kind !== 'handled') throw new Error('not handled');
  conversationId = r.conversationId;
});

const typing = (typing: boolean, agentId = 'a1') => agentTyping(deps, { conversationId, agentId, typing });
const later = (ms: number) => f.clock.set(f.clock.now() + ms);

describe('typing', () => {
  it('shows after the customer’s message, not twice while it shows, and cancels what shows', async () => {
    expect(await typing(true)).toEqual({ sent: 'Typing' });
    expect(await typing(true)).toEqual({ skipped: 'already_typing' });
    later(15_000);
    expect(await typing(true)).toEqual({ sent: 'Typing' });
    expect(await typing(false)).toEqual({ sent: 'CancelTyping' });
    expect(await typing(false)).toEqual({ skipped: 'not_typing' });
    expect(sent).toEqual([
      ['oT', 'Typing'],
      ['oT', 'Typing'],
      ['oT', 'CancelTyping'],
    ]);
  });

  it('stops 28 s after the customer’s message (WeChat: 30 s) and starts again when they write', async () => {
    later(28_001);
    expect(await typing(true)).toEqual({ skipped: 'no_recent_message' });
    await f.say('oT', '还在吗');
    expect(await typing(true)).toEqual({ sent: 'Typing' });
  });

  it('may show again at once after a message was sent, which ended it', async () => {
    expect(await typing(true)).toEqual({ sent: 'Typing' });
    later(1000);
    await agentReply(f.deps, { conversationId, agentId: 'a1', content: { type: 'text', text: '在的' } });
    later(1000);
    expect(await typing(true)).toEqual({ sent: 'Typing' });
  });

  it('is the holding agent’s only; after a refusal by WeChat it waits 15 s before trying again', async () => {
    await expect(typing(true, 'a2')).rejects.toMatchObject({ code: 'not_assignee' });
    refuse = true;
    expect(await typing(true)).toEqual({ skipped: 'wechat_refused' });
    refuse = false;
    expect(await typing(true)).toEqual({ skipped: 'already_typing' });
    later(15_000);
    expect(await typing(true)).toEqual({ sent: 'Typing' });
  });
});
