#!/usr/bin/env node
// A small loopback HTTP balancer for trying several server processes on one machine (`npm run cluster`)
// and for the two-node tests: round-robin over upstream ports, forwarding method, path, headers and body,
// streaming the answer back as it comes (Server-Sent Events included). An upstream that refuses the
// connection is skipped for the next one (the request never reached it, so sending it elsewhere is safe);
// anything else (a reset mid-answer) is the client's to retry, as behind a real balancer. Each answer says
// which upstream served it in `x-balancer-upstream`. Not for production: use a real balancer there
// (health checks on /healthz; sticky sessions are not needed).
//   node scripts/balancer.mjs --port 3000 --upstream 3001 --upstream 3002
import { request, createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Hop-by-hop headers a proxy must not forward (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer'];

function forwardable(headers) {
  const out = { ...headers };
  for (const h of HOP_BY_HOP) delete out[h];
  return out;
}

/** Sends one buffered request to `port`; resolves with the upstream's response, rejects on a connect error. */
function attempt(port, req, body) {
  return new Promise((resolve, reject) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.url,
        headers: { ...forwardable(req.headers), 'content-length': body.length },
      },
      resolve,
    );
    upstream.once('error', reject);
    upstream.end(body);
  });
}

/**
 * Starts a balancer on `port` (0: any free one) in front of `upstreams` (ports on 127.0.0.1).
 * Resolves with { port, server, close() }.
 */
export function startBalancer({ port = 0, upstreams }) {
  if (upstreams.length === 0) throw new Error('the balancer needs at least one upstream port');
  let next = 0;
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < upstreams.length; tried++) {
      const target = upstreams[next++ % upstreams.length];
      let answer;
      try {
        answer = await attempt(target, req, body);
      } catch (error) {
        if (error.code === 'ECONNREFUSED') continue; // never reached that node: the next one may take it
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream ${target}: ${error.code}\n`);
        return;
      }
      res.writeHead(answer.statusCode ?? 502, { ...forwardable(answer.headers), 'x-balancer-upstream': String(target) });
      res.flushHeaders(); // an event stream's headers go out before its first event
      answer.pipe(res);
      answer.once('error', () => res.destroy());
      res.once('close', () => answer.destroy()); // the client left (an event stream closed): free the upstream
      return;
    }
    res.writeHead(502, { 'content-type': 'text/plain' }).end('no upstream accepted the connection\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: server.address().port,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(args[args.indexOf('--port') + 1] || 3000);
  const upstreams = args.flatMap((a, i) => (a === '--upstream' ? [Number(args[i + 1])] : []));
  startBalancer({ port, upstreams }).then(
    (b) => console.log(`balancer on http://127.0.0.1:${b.port} -> ${upstreams.join(', ')}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
