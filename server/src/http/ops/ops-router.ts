// Operations endpoints, mounted at '/': GET /healthz (is the database reachable?) and GET /metrics
// (Prometheus text format). Neither needs credentials; put them behind the network's edge if needed.
import { Router } from 'express';
import type { Metrics } from './metrics';

export interface OpsDeps {
  /**
   * Resolves when the database answers (e.g. `SELECT 1`); rejects or resolves false when it does not;
   * resolves `{ busy: true }` when it answers reads but another writer holds its write lock.
   */
  checkDatabase(): Promise<unknown>;
  metrics: Metrics;
  /** Health checks must not hang on a locked or unreachable database; default 2 s. */
  healthTimeoutMs?: number;
  /** This node's name (KEFU_NODE_NAME), in /healthz's answer, so a load balancer's log says which node. */
  nodeName?: string;
}

type DatabaseState = 'up' | 'busy' | 'down';

async function databaseState(deps: OpsDeps): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deps.healthTimeoutMs ?? 2000);
  });
  try {
    const answer = await Promise.race([Promise.resolve().then(() => deps.checkDatabase()), timeout]);
    if (answer === false) return 'down';
    return (answer as { busy?: unknown } | undefined)?.busy === true ? 'busy' : 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export function opsRouter(deps: OpsDeps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    res.set('cache-control', 'no-store');
    const state = await databaseState(deps);
    const node = deps.nodeName === undefined ? {} : { node: deps.nodeName };
    if (state === 'down') {
      res.status(503).json({ status: 'down', database: 'down', ...node, error: { code: 'unavailable', message: 'database unreachable' } });
      return;
    }
    // A locked database is degraded, not down: reads are served, writes are refused with 503 and retried.
    res.json(state === 'busy' ? { status: 'degraded', database: 'busy', ...node } : { status: 'ok', database: 'up', ...node });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('content-type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
  return router;
}
