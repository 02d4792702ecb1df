// /healthz and /metrics over real HTTP, and API requests counted by route pattern.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startApiFixture, type ApiFixture } from '../api/testing/api-fixture';
import { createMetrics } from './metrics';
import { opsRouter } from './ops-router';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture();
});
afterEach(() => f.close());

describe('ops', () => {
  it('healthz: 200 while the database answers, 503 when it does not', async () => {
    expect(await f.call('GET', '/healthz')).toMatchObject({ status: 200, json: { status: 'ok', database: 'up' } });
    f.database.up = false;
    const down = await f.call('GET', '/healthz');
    expect(down.status).toBe(503);
    expect(down.json).toMatchObject({ status: 'down', database: 'down' });
    expect(down.json.error.code).toBe('unavailable');
  });

  it('metrics: Prometheus text with the push, outbox and API series', async () => {
    f.metrics.pushesReceived.inc({ channel: 'ch1', type: 'text', outcome: 'stored' });
    f.metrics.outboxSends.inc({ outcome: 'sent' });
    f.metrics.pushLatency.observe({ channel: 'ch1' }, 0.002);
    await f.call('GET', '/api/v1/conversations/c-123', f.tokens.platform);
    await f.call('GET', '/api/v1/me');
    const res = await f.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toContain('kefu_pushes_received_total{channel="ch1",type="text",outcome="stored"} 1');
    expect(res.text).toContain('kefu_outbox_sends_total{outcome="sent"} 1');
    expect(res.text).toContain('kefu_push_latency_seconds_bucket{le="0.0025",channel="ch1"} 1');
    expect(res.text).toContain('kefu_api_requests_total{route="/api/v1/conversations/:conversationId",method="GET",status="404"} 1');
    expect(res.text).toContain('kefu_api_requests_total{route="/api/v1/me",method="GET",status="401"} 1');
    expect(res.text).not.toContain('c-123');
  });

  it('metrics and healthz name the node: a node label on every series and kefu_node_info', async () => {
    const metrics = createMetrics({ defaultMetrics: false, nodeName: 'node-a' });
    metrics.outboxSends.inc({ outcome: 'sent' });
    const app = express().use(opsRouter({ metrics, checkDatabase: async () => true, nodeName: 'node-a' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const text = await (await fetch(`${base}/metrics`)).text();
      expect(text).toContain('kefu_node_info{node="node-a"} 1');
      expect(text).toContain('kefu_outbox_sends_total{outcome="sent",node="node-a"} 1');
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', database: 'up', node: 'node-a' });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
