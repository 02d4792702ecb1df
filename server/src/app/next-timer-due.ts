// Story: when the next conversation timer of a channel falls due after an instant. The test clock asks
// it to move time from one due instant to the next, so each timer fires at its own instant, in order,
// as though the time had passed. It reads the same timers tickTimers fires (core/timers/due-timers.ts):
// a timer that is not there is fired by the test clock only at the end of an advance.
import { timersOf } from '../core/timers/due-timers';
import { type EngineDeps, inUnit } from './support/engine-deps';
import { loadConversationSettings } from './support/routing-context';

/** The earliest instant strictly after `after` at which a timer of an open conversation falls due. */
export async function nextTimerDue(deps: EngineDeps, input: { channelId: string; after: number }): Promise<number | undefined> {
  return inUnit(deps, async (w) => {
    let next: number | undefined;
    for (const c of await w.tx.conversations.listOpen(input.channelId)) {
      if (c.state === 'ended') continue;
      const settings = await loadConversationSettings(w, c);
      for (const t of timersOf(c, settings)) if (t.at > input.after && (next === undefined || t.at < next)) next = t.at;
    }
    return next;
  });
}
