// The test clock's endpoints, mounted at /testing only with KEFU_TEST_CLOCK=1 (never in production, see
// config.ts). Black-box tests read and move the server's time, and ask whether the server has finished
// what it was doing. No credentials: the flag itself is the guard, so never expose such a server.
//   GET  /testing/clock  → {now, iso}
//   POST /testing/clock  {"now": <ISO text or ms>} | {"advanceMs": n} → {now, iso, fired: [...]}
//   GET  /testing/idle   → {idle, inbox, routing, outboxSending, outboxWaitingForWeChat}
import express, { Router } from 'express';
import { z } from 'zod';
import { ApiError, badRequest, conflict } from '../app/errors';

/** A timer the advance fired, at the instant the clock stood at. */
export interface FiredTimerView {
  at: number;
  channelId: string;
  conversationId: string;
  kind: string;
}

export interface PendingWorkView {
  /** Pushes stored and not routed yet. */
  inbox: number;
  /** A timer pass or a clock advance is running. */
  routing: boolean;
  /** Sends the outbox is making or about to make. */
  outboxSending: number;
  /** Sends waiting for a retry because WeChat failed (busy, unreachable): they do not keep the server busy. */
  outboxWaitingForWeChat: number;
}

export interface TestClockDeps {
  now(): number;
  /** Moves the clock forward to `target`, firing every timer due on the way at its instant; rejects going back. */
  moveTo(target: number): Promise<FiredTimerView[]>;
  pendingWork(): Promise<PendingWorkView>;
}

const instant = z.union([z.number().int().nonnegative(), z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))]);
const moveSchema = z.union([z.object({ now: instant }).strict(), z.object({ advanceMs: z.number().int().nonnegative() }).strict()]);

const view = (ms: number) => ({ now: ms, iso: new Date(ms).toISOString() });

export function testClockRouter(deps: TestClockDeps): Router {
  const router = Router();
  router.get('/clock', (_req, res) => {
    res.json(view(deps.now()));
  });
  router.post('/clock', express.json({ limit: '1kb', strict: true }), async (req, res) => {
    const parsed = moveSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest('give {"now": <ISO text or milliseconds>} or {"advanceMs": <milliseconds ≥ 0>}');
    const target = 'now' in parsed.data ? parsed.data.now : deps.now() + parsed.data.advanceMs;
    if (target < deps.now()) throw backwards(deps.now(), target);
    let fired: FiredTimerView[];
    try {
      fired = await deps.moveTo(target);
    } catch (err) {
      // Another advance got further first.
      if (err instanceof Error && err.name === 'ClockError') throw backwards(deps.now(), target);
      throw err;
    }
    res.json({ ...view(deps.now()), fired: fired.map((f) => ({ ...f, iso: new Date(f.at).toISOString() })) });
  });
  router.get('/idle', async (_req, res) => {
    const work = await deps.pendingWork();
    res.json({ idle: work.inbox === 0 && !work.routing && work.outboxSending === 0, ...work });
  });
  return router;
}

function backwards(now: number, target: number): ApiError {
  return conflict(
    'clock_backwards',
    `the test clock does not go back (now ${new Date(now).toISOString()}, asked ${new Date(target).toISOString()})`,
  );
}
