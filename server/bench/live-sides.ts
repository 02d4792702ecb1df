// The child processes of the live-latency benchmark (no benchmark here), each in its own process so that
// the server's CPU is the server's own and no side's event loop delays another's clock readings:
// - the server: composed as main.ts composes it (file SQLite, the built workbench);
// - the load: signed, encrypted pushes at a fixed rate, each text carrying a sequence number, with the
//   wall-clock time taken just before each request;
// - the bare SSE clients: one GET /api/v1/events per agent, as a browser's EventSource would hold it,
//   recording when each message_added notice arrives (the baseline for the browser's share).
// Times are `performance.timeOrigin + performance.now()` everywhere, as in the pages: one machine clock.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { composeServer } from '../src/compose';
import type { ServerConfig } from '../src/config';
import { outlastClientPools } from '../src/http/keep-alive';
import { buildPush, exampleMessage, type PushTarget } from '../src/wechat/push-client/index';

export const ADMIN = { username: 'admin', password: 'bench-admin-password-1' };
export const CHANNEL = {
  id: 'shop',
  appId: 'wxlive00000000001',
  secret: 'live-bench-secret-01',
  originalId: 'gh_livebench0001',
  token: 'liveBenchToken',
  encodingAesKey: 'kLq0s9WZ2v3mJ4nB5xC6yD7zE8aF1gH2iJ3kL4mN5oP',
};

const wallClock = () => performance.timeOrigin + performance.now();

/** A message's text: the sequence number between # marks, found again in the page and the notices. */
export const textFor = (seq: number) => `压测消息 #${seq}# 请问这个订单什么时候发货？`;
export const seqOf = (text: string): number | undefined => {
  const m = /#(\d+)#/.exec(text);
  return m ? Number(m[1]) : undefined;
};

/** Asks a forked side something over IPC and waits for its answer. */
export function ask<T>(child: import('node:child_process').ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a benchmark side exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
    child.send(message as never);
  });
}

// ---- the server ----

export interface ServerSpec {
  wechatApiBaseUrl: string;
  webDir: string;
}

export function serveServer(): void {
  process.once('message', (m) => void startServer(m as ServerSpec));
}

async function startServer(spec: ServerSpec): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-live-bench-'));
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    wechatApiBaseUrl: spec.wechatApiBaseUrl,
    masterKey: Buffer.alloc(32, 3).toString('base64'),
    firstAdmin: ADMIN,
    webDir: spec.webDir,
    logLevel: 'silent',
  };
  const server = composeServer({ config, logger: pino({ level: 'silent' }) });
  const now = Date.now();
  await server.storage.channels.save({
    id: CHANNEL.id,
    name: '压测商城',
    kind: 'miniprogram',
    appId: CHANNEL.appId,
    appSecret: CHANNEL.secret,
    originalId: CHANNEL.originalId,
    token: CHANNEL.token,
    encodingAesKey: CHANNEL.encodingAesKey,
    mode: 'secure',
    format: 'xml',
    tokenSource: 'stable',
    createdAt: now,
    updatedAt: now,
  });
  await server.start();
  const listener = outlastClientPools(
    server.app.listen(0, '127.0.0.1', () => process.send?.({ port: (listener.address() as AddressInfo).port })),
  );
  process.on('message', (m) => {
    if (m === 'cpu') process.send?.(process.cpuUsage());
    if (m === 'stop') {
      listener.closeAllConnections();
      listener.close();
      void server.stop().finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.send?.('stopped', () => process.exit(0));
      });
    }
  });
}

// ---- the load ----

export interface LoadSpec {
  target: PushTarget;
  openids: string[];
  firstSeq: number;
  rate: number;
  seconds: number;
}

export interface Sent {
  seq: number;
  openid: string;
  /** Wall-clock ms just before the request left. */
  at: number;
  /** ms until WeChat would have had its `success`. */
  ackMs: number;
  ok: boolean;
  /** Why it was not `success`: the HTTP status and body, or the connection error. */
  failure?: string;
  /** Attempts after the first one (a connection that failed before any answer). */
  retries?: number;
}

export function serveLoad(): void {
  process.once('message', (m) => void runLoad(m as LoadSpec).then((sent) => process.send?.(sent, () => process.exit(0))));
}

/**
 * One push as WeChat sends it: a connection that fails before any answer (a reused keep-alive socket the
 * server closed just then: ECONNRESET) is tried again with the same push, as WeChat retries; the
 * latency still counts from the first attempt, and the retries are reported.
 */
function deliver(agent: http.Agent, push: ReturnType<typeof buildPush>, record: Sent, attempt = 1): Promise<void> {
  return new Promise<void>((resolve) => {
    const req = http.request(
      push.url,
      { method: 'POST', agent, headers: { 'content-type': push.contentType, 'content-length': Buffer.byteLength(push.body) } },
      (res) => {
        let body = '';
        res
          .setEncoding('utf8')
          .on('data', (d: string) => (body += d))
          .on('end', () => {
            record.ackMs = wallClock() - record.at;
            record.ok = res.statusCode === 200 && body === 'success';
            if (!record.ok) record.failure = `HTTP ${res.statusCode} ${body.slice(0, 100)}`;
            resolve();
          });
      },
    );
    req.on('error', (err) => {
      record.failure = err.message;
      if (attempt >= WECHAT_ATTEMPTS) return resolve();
      record.retries = attempt;
      void deliver(agent, push, record, attempt + 1).then(resolve);
    });
    req.end(push.body);
  });
}

/** WeChat tries a push three times. */
const WECHAT_ATTEMPTS = 3;

/** Open loop: pushes leave on a fixed schedule whatever the answers, customers in turn. */
async function runLoad(spec: LoadSpec): Promise<Sent[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(spec.rate * spec.seconds);
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / spec.rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const seq = spec.firstSeq + i;
    const openid = spec.openids[i % spec.openids.length] as string;
    const message = exampleMessage('text', {
      openId: openid,
      originalId: spec.target.originalId,
      createTime: Math.floor(Date.now() / 1000),
      msgId: String(24000000000000000000n + BigInt(seq)),
      text: textFor(seq),
    });
    const push = buildPush(spec.target, message);
    const record: Sent = { seq, openid, at: 0, ackMs: NaN, ok: false };
    sent.push(record);
    record.at = wallClock();
    pending.push(deliver(agent, push, record));
  }
  await Promise.all(pending);
  agent.destroy();
  return sent;
}

// ---- the bare SSE clients ----

export interface SseSpec {
  baseUrl: string;
  /** One per agent: the session cookie its browser holds. */
  sessions: Array<{ agentId: string; cookie: string }>;
}

/** A message_added notice as one agent's stream delivered it. */
export interface Heard {
  agentId: string;
  messageId: string;
  seq?: number;
  at: number;
}

export function serveSse(): void {
  const heard: Heard[] = [];
  process.on('message', (m) => {
    const command = m as { open?: SseSpec; report?: true };
    if (command.open) void openAll(command.open, heard).then(() => process.send?.('ready'));
    if (command.report) process.send?.(heard, () => process.exit(0));
  });
}

async function openAll(spec: SseSpec, heard: Heard[]): Promise<void> {
  await Promise.all(
    spec.sessions.map(
      (s) =>
        new Promise<void>((ready, fail) => {
          const req = http.get(`${spec.baseUrl}/api/v1/events`, { headers: { cookie: s.cookie, accept: 'text/event-stream' } }, (res) => {
            if (res.statusCode !== 200) return fail(new Error(`events for ${s.agentId}: HTTP ${res.statusCode}`));
            let buffer = '';
            res.setEncoding('utf8').on('data', (chunk: string) => {
              const at = wallClock();
              buffer += chunk;
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = /^event: (.*)$/m.exec(frame)?.[1];
                const data = /^data: (.*)$/m.exec(frame)?.[1];
                if (event === 'ready') ready();
                if (event !== 'message_added' || data === undefined) continue;
                const notice = JSON.parse(data) as { messageId: string; message?: { content?: { text?: string } } };
                const text = notice.message?.content?.text;
                heard.push({ agentId: s.agentId, messageId: notice.messageId, at, ...(text !== undefined && { seq: seqOf(text) }) });
              }
            });
          });
          req.on('error', fail);
        }),
    ),
  );
}
