// The workbench's server side, as routers for createApp's extraRouters (compose.ts mounts them before
// the REST API so that the cookie becomes a bearer header before the API authenticates).
import { Router } from 'express';
import { clientConfigRouter } from './client-config';
import { cookieAuth } from './cookie-auth';
import { eventsRouter } from './event-stream';
import { loginRouter, logoutRouter } from './session-routes';
import { simulatorRouter } from './simulator-routes';
import type { WorkbenchDeps } from './workbench-deps';

export type { WorkbenchDeps } from './workbench-deps';

export function workbenchRouters(deps: WorkbenchDeps): Array<[string, Router]> {
  const workbench = Router();
  workbench.use(clientConfigRouter(deps));
  workbench.use(loginRouter(deps));
  workbench.use(cookieAuth());
  workbench.use(logoutRouter(deps));
  if (deps.simulator) workbench.use('/simulator', simulatorRouter(deps, deps.simulator));
  const api = Router();
  api.use(cookieAuth());
  api.use(eventsRouter(deps));
  return [
    ['/workbench', workbench],
    ['/api/v1', api],
  ];
}
