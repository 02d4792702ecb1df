// GET /workbench/config: what the web app needs to know before anyone logs in (public, no secrets):
// whether the customer simulator is mounted (it shows its page only then) and the server's version.
import { Router } from 'express';
import type { WorkbenchDeps } from './workbench-deps';

export interface ClientConfig {
  simulator: boolean;
  version: string;
}

export function clientConfigRouter(deps: WorkbenchDeps): Router {
  const router = Router();
  router.get('/config', (_req, res) => {
    const config: ClientConfig = { simulator: deps.simulator !== undefined, version: deps.version ?? 'dev' };
    res.set('cache-control', 'no-store').json(config);
  });
  return router;
}
