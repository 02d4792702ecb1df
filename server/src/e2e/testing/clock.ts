// Test support (no tests here): drives the server's test clock (KEFU_TEST_CLOCK=1) over HTTP, as a
// black-box test would, and keeps the WeChat emulator's clock at the same instant.
//   const stack = await startClockedStack();
//   await advance(stack, 30 * MINUTE); // timers due on the way fire at their instants; sends are delivered
//   await waitIdle(stack);
// The emulator follows after each advance, once the sends of the timers have been delivered: WeChat
// judges those sends at the instant the advance started (its clock only goes forward). So a test that
// needs WeChat to refuse a timer's send for a closed window advances past the window first, then to the timer.
import { type Stack, type StackOptions, startStack } from './stack';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

export interface FiredTimer {
  at: number;
  iso: string;
  channelId: string;
  conversationId: string;
  kind: string;
}

export interface IdleReport {
  idle: boolean;
  inbox: number;
  routing: boolean;
  outboxSending: number;
  outboxWaitingForWeChat: number;
}

/** GET or POST one of the server's /testing routes; throws on a non-2xx answer. */
export async function testing<T>(stack: Stack, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.baseUrl}/testing${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`/testing${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A stack whose server runs on the test clock, with the emulator's clock at the server's instant. `at`
 * (ISO text or milliseconds; default the real time) fixes the first instant, for scenarios that depend on
 * the time of day; it must not be before the emulator's start (TEST_EPOCH, 2025-01-01).
 */
export async function startClockedStack(options: StackOptions & { at?: number | string } = {}): Promise<Stack> {
  const { at, ...rest } = options;
  const clockStart = typeof at === 'string' ? Date.parse(at) : at;
  const stack = await startStack({ ...rest, testClock: true, ...(clockStart !== undefined && { clockStart }) });
  await syncEmulator(stack);
  return stack;
}

/** The server's time. */
export async function clockNow(stack: Stack): Promise<number> {
  return (await testing<{ now: number }>(stack, '/clock')).now;
}

/** Puts the emulator at the server's instant (forward only, as WeChat's time). */
export async function syncEmulator(stack: Stack): Promise<void> {
  await stack.emulator.admin('/clock', { now: await clockNow(stack) });
}

/**
 * Lets the server finish what it is doing, moves its clock `ms` forward (timers due on the way fire at
 * their instants, in order), waits until their sends are delivered, then brings the emulator along.
 */
export async function advance(stack: Stack, ms: number): Promise<FiredTimer[]> {
  await waitIdle(stack);
  const { fired } = await testing<{ fired: FiredTimer[] }>(stack, '/clock', { advanceMs: ms });
  await waitIdle(stack);
  await syncEmulator(stack);
  return fired;
}

/** Lets the server finish, moves its clock to an instant (ISO text or milliseconds) as `advance` does. */
export async function moveTo(stack: Stack, now: number | string): Promise<FiredTimer[]> {
  await waitIdle(stack);
  const { fired } = await testing<{ fired: FiredTimer[] }>(stack, '/clock', { now });
  await waitIdle(stack);
  await syncEmulator(stack);
  return fired;
}

/** Polls GET /testing/idle until it answers idle, or fails after `ms` with what was still pending. */
export async function waitIdle(stack: Stack, ms = 5000): Promise<IdleReport> {
  const until = Date.now() + ms;
  for (;;) {
    const report = await testing<IdleReport>(stack, '/idle');
    if (report.idle) return report;
    if (Date.now() > until) throw new Error(`the server did not become idle: ${JSON.stringify(report)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
