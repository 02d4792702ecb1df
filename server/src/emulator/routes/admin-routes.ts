// Admin API of the emulator (not WeChat's): apps, the clock, injected faults, the record, and the bytes
// of stored media (so a tool showing what WeChat delivered can show the pictures too).
import { Router } from 'express';
import { z } from 'zod';
import { parseApp, publicView } from '../apps';
import { ClockError } from '../clock';
import { EmulatorAdminError } from '../errors';
import { pushDueTicket } from '../open-platform-push';
import type { EmulatorState } from '../state';

const advanceSchema = z
  .object({
    ms: z.number().nonnegative().optional(),
    seconds: z.number().nonnegative().optional(),
    minutes: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give ms, seconds, minutes or hours' });

/** An instant as milliseconds since the epoch or an ISO 8601 text (what the server's test clock takes). */
const setClockSchema = z.object({
  now: z.union([z.number().int(), z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))]),
});

const faultSchema = z.object({ api: z.string().min(1), errcode: z.number().int(), times: z.number().int().positive().default(1) });
const delaySchema = z.object({ api: z.string().min(1), ms: z.number().int().nonnegative(), times: z.number().int().positive().default(1) });
const dropSchema = z.object({ api: z.string().min(1), when: z.enum(['before', 'after']), times: z.number().int().positive().default(1) });
/** For how long WeChat is unreachable, on the emulator's clock: `ms` from now, or `until` an instant. */
const outageSchema = z
  .object({ ms: z.number().int().nonnegative().optional(), until: z.number().int().optional() })
  .refine((b) => (b.ms === undefined) !== (b.until === undefined), { message: 'give ms or until' });

const recordQuery = z.object({
  appId: z.string().optional(),
  type: z.enum(['api', 'push', 'component_push']).optional(),
  api: z.string().optional(),
  since: z.coerce.number().int().optional(),
});

export function adminRoutes(state: EmulatorState): Router {
  const r = Router();
  r.get('/apps', (_req, res) => {
    res.json(state.apps.list().map(publicView));
  });
  r.post('/apps', (req, res) => {
    const app = parseApp(req.body);
    state.apps.register(app);
    res.status(201).json(publicView(app));
  });
  r.get('/clock', (_req, res) => {
    res.json({ now: state.clock.now() });
  });
  // After moving the clock, a component_verify_ticket now due is pushed before answering.
  r.post('/clock/advance', async (req, res) => {
    const b = advanceSchema.parse(req.body ?? {});
    state.clock.advance((b.ms ?? 0) + (b.seconds ?? 0) * 1000 + (b.minutes ?? 0) * 60_000 + (b.hours ?? 0) * 3_600_000);
    await pushDueTicket(state);
    res.json({ now: state.clock.now() });
  });
  // Puts the emulator at the instant of the server's test clock; never backwards (see EmulatorClock.set).
  r.post('/clock', async (req, res) => {
    const { now } = setClockSchema.parse(req.body ?? {});
    try {
      state.clock.set(now);
    } catch (err) {
      if (err instanceof ClockError) throw new EmulatorAdminError(409, err.message);
      throw err;
    }
    await pushDueTicket(state);
    res.json({ now: state.clock.now() });
  });
  r.post('/faults', (req, res) => {
    const f = faultSchema.parse(req.body ?? {});
    state.faults.add(f.api, f.errcode, f.times);
    res.status(201).json(f);
  });
  r.post('/faults/delay', (req, res) => {
    const f = delaySchema.parse(req.body ?? {});
    state.faults.addDelay(f.api, f.ms, f.times);
    res.status(201).json(f);
  });
  r.post('/faults/drop', (req, res) => {
    const f = dropSchema.parse(req.body ?? {});
    state.faults.addDrop(f.api, f.when, f.times);
    res.status(201).json(f);
  });
  r.post('/faults/outage', (req, res) => {
    const b = outageSchema.parse(req.body ?? {});
    state.faults.setOutage(b.until ?? state.clock.now() + (b.ms ?? 0));
    res.status(201).json(state.faults.outage(state.clock.now()));
  });
  r.get('/faults/outage', (_req, res) => {
    res.json(state.faults.outage(state.clock.now()));
  });
  r.delete('/faults', (_req, res) => {
    state.faults.clear();
    res.status(204).end();
  });
  r.get('/records', (req, res) => {
    const q = recordQuery.parse(req.query);
    res.json(state.recorder.list({ appId: q.appId, type: q.type, api: q.api, sinceSeq: q.since }));
  });
  r.delete('/records', (_req, res) => {
    state.recorder.clear();
    res.status(204).end();
  });
  r.get('/sent', (req, res) => {
    res.json(state.recorder.sentMessages(typeof req.query.appId === 'string' ? req.query.appId : undefined));
  });
  // A media_id of one app, as cgi-bin/media/get would give it, without a token (the emulator's own tools).
  r.get('/apps/:appId/media/:mediaId', (req, res) => {
    let media;
    try {
      media = state.media.get(req.params.appId, req.params.mediaId, state.clock.now());
    } catch {
      throw new EmulatorAdminError(404, 'no such media for this app (unknown, expired or another app’s)');
    }
    res.set({ 'content-type': media.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }).send(media.data);
  });
  return r;
}
