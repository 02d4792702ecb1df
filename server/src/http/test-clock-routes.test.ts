import { ConfigError, readConfig } from '../config';
import { type Harness, startHarness } from './testing/harness';
import { type FiredTimerView, type PendingWorkView, testClockRouter } from './test-clock-routes';

let h: Harness;
let now: number;
let pending: PendingWorkView;
let moves: number[];
const START = Date.UTC(2026, 0, 5, 1, 0);

beforeEach(async () => {
  now = START;
  moves = [];
  pending = { inbox: 0, routing: false, outboxSending: 0, outboxWaitingForWeChat: 0 };
  const router = testClockRouter({
    now: () => now,
    moveTo: async (target): Promise<FiredTimerView[]> => {
      moves.push(target);
      now = target;
      return [{ at: START + 60_000, channelId: 'ch', conversationId: 'cv1', kind: 'agent_no_reply' }];
    },
    pendingWork: async () => pending,
  });
  h = await startHarness([], { extraRouters: [['/testing', router]] });
});
afterEach(() => h.close());

const post = async (body: unknown) => {
  const res = await fetch(`${h.baseUrl}/testing/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('/testing/clock', () => {
  it('reads the clock', async () => {
    expect(await (await fetch(`${h.baseUrl}/testing/clock`)).json()).toEqual({ now: START, iso: '2026-01-05T01:00:00.000Z' });
  });

  it('moves by advanceMs, to milliseconds or to an ISO instant, and lists what fired', async () => {
    expect(await post({ advanceMs: 120_000 })).toEqual({
      status: 200,
      json: {
        now: START + 120_000,
        iso: '2026-01-05T01:02:00.000Z',
        fired: [{ at: START + 60_000, iso: '2026-01-05T01:01:00.000Z', channelId: 'ch', conversationId: 'cv1', kind: 'agent_no_reply' }],
      },
    });
    await post({ now: START + 3_600_000 });
    await post({ now: '2026-01-05T10:00:00+08:00' });
    expect(moves).toEqual([START + 120_000, START + 3_600_000, Date.UTC(2026, 0, 5, 2, 0)]);
  });

  it('refuses to go back (409) and what is not a move (400), moving nothing', async () => {
    expect(await post({ now: START - 1 })).toMatchObject({ status: 409, json: { error: { code: 'clock_backwards' } } });
    for (const body of [{}, { advanceMs: -1 }, { advanceMs: 1.5 }, { now: 'soon' }, { now: START, advanceMs: 1 }]) {
      expect([body, (await post(body)).status]).toEqual([body, 400]);
    }
    expect(moves).toEqual([]);
  });
});

describe('/testing/idle', () => {
  const idle = async () => (await fetch(`${h.baseUrl}/testing/idle`)).json();

  it('is idle with nothing pending, and with sends that only wait for WeChat', async () => {
    expect(await idle()).toEqual({ idle: true, inbox: 0, routing: false, outboxSending: 0, outboxWaitingForWeChat: 0 });
    pending.outboxWaitingForWeChat = 2;
    expect(await idle()).toMatchObject({ idle: true, outboxWaitingForWeChat: 2 });
  });

  it('is busy while a push waits in the inbox, routing runs or a send is being made, and says which', async () => {
    for (const busy of [{ inbox: 1 }, { routing: true }, { outboxSending: 3 }]) {
      pending = { inbox: 0, routing: false, outboxSending: 0, outboxWaitingForWeChat: 0, ...busy };
      expect(await idle()).toMatchObject({ idle: false, ...busy });
    }
  });
});

describe('KEFU_TEST_CLOCK', () => {
  const base = { KEFU_MASTER_KEY: 'k' };
  it('is off by default and on with 1', () => {
    expect(readConfig(base).testClock).toBeUndefined();
    expect(readConfig({ ...base, KEFU_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(readConfig({ ...base, KEFU_TEST_CLOCK: '0', NODE_ENV: 'production' }).testClock).toBeUndefined();
  });
  it('is refused in production', () => {
    expect(() => readConfig({ ...base, KEFU_TEST_CLOCK: '1', NODE_ENV: 'production' })).toThrow(ConfigError);
  });
});
