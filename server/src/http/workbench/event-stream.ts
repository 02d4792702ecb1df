// GET /api/v1/events: the workbench's live channel as Server-Sent Events (EventSource reconnects by
// itself and sends the session cookie). Each engine notice the caller may see becomes `event: <type>`
// with the notice as JSON data; notices are hints to reload, so a reconnect replays nothing and the
// page reloads its lists on `ready`. A message_added notice carries the message as GET
// /conversations/:id/messages shows it (views/message-view.ts), so an open conversation appends it at
// once. Every event is typed by contract/live-events.ts. A comment every 15 s keeps proxies from closing
// an idle stream, and re-checks the login, so a logged-out or removed caller stops receiving within one beat.
import { Router, type Request, type Response } from 'express';
import type { LiveEventData, LiveEventName, LiveNotice } from '../../contract/live-events';
import type { EngineNotice } from '../../core/ports/notifier';
import { bearerOf } from '../api/bearer';
import { describePrincipal, type Principal } from '../../app/auth/principal';
import { messageView } from '../api/views/message-view';
import { callerOf } from './caller';
import { maySee } from './visibility';
import type { WorkbenchDeps } from './workbench-deps';

export const HEARTBEAT_MS = 15_000;
/** What EventSource waits before reconnecting after a drop. */
export const RETRY_MS = 3_000;
/** A client this far behind is cut off (it reconnects and reloads) rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export function frame<E extends LiveEventName>(event: E, data: LiveEventData<E>): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A notice as the stream sends it: a message in the API's view. */
function shown(n: EngineNotice): LiveNotice {
  return n.type === 'message_added' && n.message ? { ...n, message: messageView(n.message) } : n;
}

/**
 * Each notice's frame, made once however many streams send it: the notifier hands every stream the same
 * notice objects, and with many workbenches open the JSON would otherwise be built once per stream.
 */
const frames = new WeakMap<EngineNotice, string>();

export function frameOf(n: EngineNotice): string {
  let text = frames.get(n);
  if (text === undefined) {
    text = frame(n.type, shown(n));
    frames.set(n, text);
  }
  return text;
}

function openStream(res: Response): void {
  res.status(200);
  res.set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no', // nginx: pass each event at once
  });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
}

export function eventsRouter(deps: WorkbenchDeps): Router {
  const router = Router();
  router.get('/events', async (req: Request, res: Response) => {
    let principal: Principal = await callerOf(deps, req, res);
    // A client gone while we authenticated would never emit 'close' again: do not subscribe for it.
    if (res.destroyed || req.socket.destroyed) return;
    openStream(res);
    const send = (text: string) => {
      if (res.writableEnded) return;
      res.write(text);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
    };
    send(`retry: ${RETRY_MS}\n\n` + frame('ready', describePrincipal(principal)));
    const unsubscribe = deps.notices.subscribe((notices: readonly EngineNotice[]) => {
      const text = notices
        .filter((n) => maySee(principal, n))
        .map(frameOf)
        .join('');
      if (text) send(text);
    });
    const beat = async () => {
      try {
        principal = await deps.auth.authenticate(bearerOf(req.get('authorization')));
        send(': heartbeat\n\n');
      } catch {
        send(frame('session_ended', {}));
        res.end();
      }
    };
    const timer = setInterval(() => void beat(), deps.heartbeatMs ?? HEARTBEAT_MS);
    res.on('close', () => {
      clearInterval(timer);
      unsubscribe();
    });
  });
  return router;
}
