// Live notices across nodes sharing one PostgreSQL database: every node's NoticeHub publishes its notices
// with NOTIFY on one channel, and a dedicated client per node LISTENs there and hands other nodes'
// notices to its own hub (its own it skips: the hub already gave them to local subscribers). One node's
// notices go out one NOTIFY at a time, so they arrive everywhere in the order they were published.
// PostgreSQL refuses payloads of 8000 bytes or more: a batch is split into several NOTIFYs, and a notice
// still too big alone travels without its message body (a workbench then fetches the message, as it
// does for any message_added without one). Notices are hints: while the LISTEN client reconnects (the
// database restarted) other nodes' notices are missed, but while the database is down nothing commits,
// so what is missed is the little published between its return and the reconnect (100 ms at first).
import type { Logger } from 'pino';
import pg from 'pg';
import type { EngineNotice } from '../../core/ports/notifier';

export const NOTICE_CHANNEL = 'kefu_notices';
/** Under PostgreSQL's 8000-byte limit, with room for the envelope. */
export const MAX_PAYLOAD_BYTES = 7800;

export interface PgNoticeBridgeOptions {
  url: string;
  /** Sends the NOTIFYs (the storage's pool). */
  pool: pg.Pool;
  /** This node's name: notices carrying it are this node's own. */
  origin: string;
  /** Other nodes' notices, for this node's subscribers. */
  deliver(notices: readonly EngineNotice[]): void;
  logger?: Logger;
  /** First wait before reconnecting the LISTEN client; doubles up to 5 s. */
  reconnectMs?: number;
}

interface Envelope {
  o: string;
  n: EngineNotice[];
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** One notice small enough for a payload: a message_added too big travels without its message. */
function fitting(origin: string, notice: EngineNotice): EngineNotice | undefined {
  if (bytes(JSON.stringify({ o: origin, n: [notice] })) <= MAX_PAYLOAD_BYTES) return notice;
  if (notice.type !== 'message_added' || !notice.message) return undefined;
  const { message: _body, ...bare } = notice;
  return fitting(origin, bare);
}

/** The payloads for one batch, in order, each under the limit. */
export function noticePayloads(origin: string, notices: readonly EngineNotice[]): string[] {
  const payloads: string[] = [];
  let batch: EngineNotice[] = [];
  const flush = () => {
    if (batch.length) payloads.push(JSON.stringify({ o: origin, n: batch } satisfies Envelope));
    batch = [];
  };
  for (const notice of notices) {
    const small = fitting(origin, notice);
    if (!small) continue; // cannot happen for today's notice types (all but message_added are tiny)
    if (bytes(JSON.stringify({ o: origin, n: [...batch, small] })) > MAX_PAYLOAD_BYTES) flush();
    batch.push(small);
  }
  flush();
  return payloads;
}

export class PgNoticeBridge {
  private client: pg.Client | undefined;
  private sending: Promise<void> = Promise.resolve();
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private connected: Promise<void> | undefined;

  constructor(private readonly options: PgNoticeBridgeOptions) {
    this.retryMs = options.reconnectMs ?? 100;
  }

  /** Connects the LISTEN client; resolves once it listens (a failure is retried in the background). */
  start(): Promise<void> {
    this.connected ??= this.listen().catch((error) => this.retryLater(error));
    return this.connected;
  }

  /** Sends this node's notices to the others, in order; never throws (a hint lost costs a reload). */
  publish(notices: readonly EngineNotice[]): void {
    const payloads = noticePayloads(this.options.origin, notices);
    this.sending = this.sending.then(async () => {
      for (const payload of payloads) {
        try {
          await this.options.pool.query('SELECT pg_notify($1, $2)', [NOTICE_CHANNEL, payload]);
        } catch (error) {
          this.options.logger?.warn({ err: (error as Error).message }, 'live notice not sent to the other nodes');
        }
      }
    });
  }

  /** Resolves when every notice published so far has been sent (or given up). */
  flushed(): Promise<void> {
    return this.sending;
  }

  /** The LISTEN client's backend pid (tests end it to imitate a database restart). */
  async listenerPid(): Promise<number | undefined> {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.sending;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, application_name: `kefu-notices-${this.options.origin}` });
    client.on('notification', (message) => this.received(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTICE_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error; // retried by the caller; `lost` ignores a client that never listened
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = this.options.reconnectMs ?? 100;
  }

  private received(payload: string | undefined): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload ?? '') as Envelope;
    } catch {
      return; // not ours
    }
    if (envelope.o === this.options.origin || !Array.isArray(envelope.n)) return;
    this.options.deliver(envelope.n);
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.retryLater(error);
  }

  private retryLater(error: unknown): void {
    if (this.stopped) return;
    this.options.logger?.warn(
      { err: (error as Error).message, retryMs: this.retryMs },
      'live notices: LISTEN connection lost, reconnecting',
    );
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.listen().catch((e) => this.retryLater(e));
    }, this.retryMs);
    this.retryMs = Math.min(5000, this.retryMs * 2);
  }
}
