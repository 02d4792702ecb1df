// End to end, changing a channel loses nothing: the emulator (a separate server) pushes continuously
// through real HTTP while the admin saves our console first, then WeChat's (which verifies the URL with
// a GET signed with the new Token). Every push must be answered 200 with something WeChat can read.
// The same when the change is made through the CLI, another process, while the server runs.
import { useKefuCli } from '../cli/testing/kefu-cli';
import { CHANNEL, MASTER_KEY, startStack, type Stack } from './testing/stack';

interface PushSettings {
  mode: 'plaintext' | 'compatible' | 'secure';
  token: string;
  encodingAesKey: string;
}

interface PushAnswer {
  push: { delivered: boolean; status?: number; answer?: string; error?: string };
}

interface PublicChannel {
  mode: string;
  previousValidUntil: number | null;
  previousMode: string | null;
  lastVerifiedAt: number | null;
  lastPushAt: number | null;
  replayWindowSeconds: number | null;
}

const KEY_1 = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut';
const KEY_2 = 'k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pushes texts one after the other until stopped; answers how many were sent and which were lost. */
function pushContinuously(openId: string): { stop(): Promise<{ sent: number; lost: string[] }> } {
  let running = true;
  const lost: string[] = [];
  let sent = 0;
  const loop = (async () => {
    while (running) {
      sent += 1;
      const text = `push ${sent}`;
      const res = await fetch(`${stack.emulator.baseUrl}/emulator/apps/${CHANNEL.appId}/customers/${openId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text }),
      });
      const { push } = (await res.json()) as PushAnswer;
      // Lost: refused, or answered with something WeChat cannot read (it shows the user an error).
      if (push.status !== 200 || !(push.answer === 'success' || push.answer?.startsWith('reply: '))) {
        lost.push(`${text}: ${push.status ?? push.error} ${push.answer ?? ''}`);
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { sent, lost };
    },
  };
}

/** WeChat's console: the emulator verifies the URL with the new Token, then pushes with the new settings. */
async function saveWeChatConsole(s: PushSettings): Promise<void> {
  const res = await fetch(`${stack.emulator.baseUrl}/emulator/apps/${CHANNEL.appId}/push-config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(s),
  });
  expect({ status: res.status, body: await res.text() }).toMatchObject({ status: 200 });
}

/** The admin's order: our console, a while of pushes, WeChat's console, a while of pushes. */
async function switchWhilePushing(openId: string, to: PushSettings): Promise<{ sent: number; lost: string[] }> {
  const pusher = pushContinuously(openId);
  await pause(150);
  const saved = await stack.api<PublicChannel>('PATCH', `/channels/${CHANNEL.id}`, to);
  expect(saved.status).toBe(200);
  await pause(250);
  await saveWeChatConsole(to);
  await pause(150);
  return pusher.stop();
}

const lostCounts: Record<string, number> = {};
afterAll(() => {
  // The number the issue asks for: pushes lost during a mode switch and a key rotation (target 0).
  console.log(`pushes lost while changing a channel: ${JSON.stringify(lostCounts)}`);
});

it.each<[string, PushSettings]>([
  ['secure → plaintext', { mode: 'plaintext', token: CHANNEL.token, encodingAesKey: CHANNEL.encodingAesKey }],
  ['plaintext → secure', { mode: 'secure', token: CHANNEL.token, encodingAesKey: KEY_1 }],
  ['secure → compatible', { mode: 'compatible', token: CHANNEL.token, encodingAesKey: KEY_1 }],
  ['compatible → plaintext', { mode: 'plaintext', token: CHANNEL.token, encodingAesKey: KEY_1 }],
  ['plaintext → compatible', { mode: 'compatible', token: 'plainToken2', encodingAesKey: KEY_1 }],
  ['Token and EncodingAESKey rotation (secure)', { mode: 'secure', token: 'rotatedToken3', encodingAesKey: KEY_2 }],
])('%s loses no push', async (name, to) => {
  const { sent, lost } = await switchWhilePushing(`o-${name.length}-${to.mode}`, to);
  lostCounts[name] = lost.length;
  expect(sent).toBeGreaterThan(10);
  expect(lost).toEqual([]);
  const channel = (await stack.api<PublicChannel>('GET', `/channels/${CHANNEL.id}`)).body;
  expect(channel.mode).toBe(to.mode);
  expect(channel.previousValidUntil).toBeGreaterThan(Date.now());
});

it('shows when WeChat last verified the URL and last pushed', async () => {
  const before = Date.now();
  await stack.api('PATCH', `/channels/${CHANNEL.id}`, { token: 'verifyToken4' });
  await saveWeChatConsole({ mode: 'secure', token: 'verifyToken4', encodingAesKey: KEY_2 });
  await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oActivity', 'text', { text: 'hi' });
  const channel = (await stack.api<PublicChannel>('GET', `/channels/${CHANNEL.id}`)).body;
  expect(channel.lastVerifiedAt).toBeGreaterThanOrEqual(before);
  expect(channel.lastPushAt).toBeGreaterThan(0);
});

it('WeChat’s console refuses to save a Token our console does not know (and nothing changes)', async () => {
  const res = await fetch(`${stack.emulator.baseUrl}/emulator/apps/${CHANNEL.appId}/push-config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: 'unknownToken5' }),
  });
  expect(res.status).toBe(409);
  const answer = (await stack.emulator.customerSays({ appId: CHANNEL.appId } as never, 'oRefused', 'text', { text: 'hi' })) as PushAnswer;
  expect(answer.push.status).toBe(200);
});

describe('a change made through the CLI while the server runs', () => {
  const cli = useKefuCli('kefu-channel-change-cli-');

  it('is seen at once: WeChat’s console verifies the new Token, and no push is lost', async () => {
    const before = { mode: 'secure', token: 'beforeTheCli6', encodingAesKey: KEY_1 } as const;
    expect((await switchWhilePushing('o-before-cli', before)).lost).toEqual([]);
    const to = { ...before, token: 'savedByTheCli7' };
    const pusher = pushContinuously('o-cli');
    await pause(150);
    const env = { DATA_DIR: stack.dir, KEFU_MASTER_KEY: MASTER_KEY, KEFU_PUSH_TOKEN: to.token };
    expect(cli.run(['channels', 'change', '--id', CHANNEL.id], env)).toMatchObject({ code: 0 });
    await saveWeChatConsole(to);
    await pause(150);
    const { sent, lost } = await pusher.stop();
    lostCounts['Token changed through the CLI'] = lost.length;
    expect(sent).toBeGreaterThan(10);
    expect(lost).toEqual([]);
  });
});
