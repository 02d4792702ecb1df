// POST /conversations/:id/typing over real HTTP on the composed server with the WeChat emulator, which
// holds WeChat's typing rules (45080 without a message in 30 s, 45081 while it shows): the indicator goes
// out only when they allow, so every call the emulator recorded succeeded; only the holding agent types.
import { startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, MERCHANT_CODES, type People } from './testing/stack-people';

let stack: Stack;
let p: People;
let offset = 0;
beforeEach(async () => {
  offset = 0;
  stack = await startStack({ clock: { now: () => Date.now() + offset } });
  p = await arrangePeople(stack);
});
afterEach(() => stack.close());

const later = (ms: number) => {
  offset += ms;
  stack.emulator.clock.advance(ms);
};

async function typingCalls(): Promise<Array<{ command: string; errcode: number }>> {
  const res = await fetch(`${stack.emulator.baseUrl}/emulator/records?api=cgi-bin/message/custom/typing`);
  const records = (await res.json()) as Array<{ request: { command: string }; errcode: number }>;
  return records.map((r) => ({ command: r.request.command, errcode: r.errcode }));
}

describe('POST /conversations/:id/typing', () => {
  it('shows typing within WeChat’s rules only: after the customer’s message, once while it shows, cancelled', async () => {
    const conversation = await customerWrites(stack, 'oTyping', '在吗', MERCHANT_CODES.m1);
    const typing = (typing: boolean, token = p.tokens.m1Agent) =>
      p.call('POST', `/conversations/${conversation}/typing`, token, { typing });
    expect((await typing(true)).json).toEqual({ sent: 'Typing' });
    expect((await typing(true)).json).toEqual({ skipped: 'already_typing' });
    expect((await typing(false)).json).toEqual({ sent: 'CancelTyping' });
    expect((await typing(false)).json).toEqual({ skipped: 'not_typing' });
    later(29_000);
    expect((await typing(true)).json).toEqual({ skipped: 'no_recent_message' });
    expect(await typingCalls()).toEqual([
      { command: 'Typing', errcode: 0 },
      { command: 'CancelTyping', errcode: 0 },
    ]);
    for (const token of [p.tokens.m1Admin, p.tokens.platform, p.tokens.m2Agent, p.tokens.platformAgent])
      expect((await typing(true, token)).status).toBe(403);
    expect((await p.call('POST', `/conversations/${conversation}/typing`, p.tokens.m1Agent, { typing: 'yes' })).status).toBe(400);
  });
});
