// Runs existing use cases inside the unit of work already in progress, so that a WeChat command (or a
// customer's 再见) and everything it sets off commit together with the push that carried it: the inbox
// marks a push done in the first unit its story runs, so a story must run exactly one.
import type { EngineDeps, Work } from '../support/engine-deps';

export function withinUnit(deps: EngineDeps, w: Work): EngineDeps {
  return {
    ...deps,
    clock: { now: () => w.now },
    uow: { run: (work) => work(w.tx) },
    // The outer unit sends its notices after its commit; the inner ones join them.
    notifier: { notify: async (notices) => void w.notices.push(...notices) },
  };
}
