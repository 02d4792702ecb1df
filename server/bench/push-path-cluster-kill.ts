// The push-path-cluster benchmark's second part (no benchmark here): two PostgreSQL nodes behind the
// balancer under a steady load, one killed (SIGKILL) mid-load. Reports the acknowledged pushes whose
// message is not stored (target 0), messages stored twice, and the takeover time: from the kill until the
// inbox holds no unrouted entry received before it (the dead node's claims expired and were routed by the
// survivor). The load runs here, not in a load process, because it must remember every acknowledged MsgId.
import http from 'node:http';
import type pg from 'pg';
import { buildPush, exampleMessage } from '../src/wechat/push-client/index';
import type { Nodes } from './push-path-cluster-nodes';
import { pushTarget } from './push-path-channel';

export interface KillResult {
  sent: number;
  acknowledged: number;
  lost: number;
  storedTwice: number;
  takeoverMs: number;
}

const CUSTOMERS = 1000;

function post(agent: http.Agent, url: string, body: string, contentType: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': contentType } }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (d: string) => (text += d))
        .on('end', () => resolve(res.statusCode === 200 && text === 'success'))
        .on('error', () => resolve(false));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/** Open loop at `rate` for `seconds`; calls `onTick(elapsedMs)` as it goes; resolves with the acknowledged MsgIds. */
async function steadyLoad(
  base: string,
  rate: number,
  seconds: number,
  onTick: (ms: number) => void,
): Promise<{ sent: number; acked: string[] }> {
  const target = pushTarget(`${base}/wechat/xml`, 'xml');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const acked: string[] = [];
  const pending: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < total; ) {
    for (; i < total && start + (i * 1000) / rate <= performance.now(); i++) {
      const msgId = String(24000000000000000000n + BigInt(i));
      const message = exampleMessage('text', {
        openId: `oKILL${String(i % CUSTOMERS).padStart(23, '0')}`,
        originalId: target.originalId,
        createTime: Math.floor(Date.now() / 1000),
        msgId,
        text: `你好，订单 ${i} 什么时候发货？`,
      });
      const push = buildPush(target, message);
      pending.push(post(agent, push.url, push.body, push.contentType).then((ok) => void (ok && acked.push(msgId))));
    }
    onTick(performance.now() - start);
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(pending);
  agent.destroy();
  return { sent: total, acked };
}

async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(sql, params);
  return rows[0]?.n ?? 0;
}

/** Polls until no inbox entry received before `killAt` is unrouted; the milliseconds since `killAt`. */
async function takeover(pool: pg.Pool, killAt: number): Promise<number> {
  const until = Date.now() + 120_000;
  for (;;) {
    const left = await count(pool, "SELECT count(*)::int AS n FROM inbox WHERE state = 'pending' AND received_at <= $1", [killAt]);
    if (left === 0) return Date.now() - killAt;
    if (Date.now() > until) throw new Error(`${left} pushes received before the kill still unrouted after 2 minutes`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Steady load on two nodes, node 2 killed after `killAfterS`; waits until everything is routed, then counts. */
export async function killOneNode(nodes: Nodes, rate: number, seconds: number, killAfterS: number): Promise<KillResult> {
  const pool = nodes.pool as pg.Pool;
  // The takeover clock starts at the kill and is read while the load goes on.
  let takenOver: Promise<number> | undefined;
  const load = await steadyLoad(nodes.base, rate, seconds, (ms) => {
    if (takenOver || ms < killAfterS * 1000) return;
    const killAt = Date.now();
    takenOver = nodes.kill(1).then(() => takeover(pool, killAt));
  });
  const takeoverMs = await (takenOver ?? Promise.reject(new Error('the load ended before the kill')));
  const until = Date.now() + 120_000;
  while ((await nodes.pending()).inbox > 0) {
    if (Date.now() > until) throw new Error('the surviving node did not route every push within 2 minutes');
    await new Promise((r) => setTimeout(r, 50));
  }
  const stored = await count(pool, 'SELECT count(DISTINCT wechat_msg_id)::int AS n FROM messages WHERE wechat_msg_id = ANY($1::text[])', [
    load.acked,
  ]);
  const storedTwice = await count(
    pool,
    'SELECT count(*)::int AS n FROM (SELECT 1 FROM messages WHERE wechat_msg_id IS NOT NULL GROUP BY wechat_msg_id HAVING count(*) > 1) AS twice',
  );
  return { sent: load.sent, acknowledged: load.acked.length, lost: load.acked.length - stored, storedTwice, takeoverMs };
}
