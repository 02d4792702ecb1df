// Operations endpoints, mounted at '/': GET /healthz (is the database reachable?) and GET /metrics
// (Prometheus text format). Neither needs credentials; put them behind the network's edge if needed.
import { Router } from 'express';
import { ApiError } from '../../app/errors';
import type { Metrics } from './metrics';

export interface OpsDeps {
  /** Resolves when the database answers (e.g. `SELECT 1`); rejects or resolves false when it does not. */
  checkDatabase(): Promise<unknown>;
  metrics: Metrics;
  /** Health checks must not hang on a locked database; default 2 s. */
  healthTimeoutMs?: number;
}

async function databaseUp(deps: OpsDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deps.healthTimeoutMs ?? 2000);
  });
  try {
    const answer = await Promise.race([Promise.resolve().then(() => deps.checkDatabase()), timeout]);
    return answer !== false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function opsRouter(deps: OpsDeps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (!(await databaseUp(deps))) throw new ApiError(503, 'unavailable', 'database unreachable');
    res.json({ status: 'ok' });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('content-type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
  return router;
}
