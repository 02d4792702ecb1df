// The main thread's side of the routing thread (routing-thread.ts): it hands each verified push over
// and resolves `accept` once the thread has committed it, which is when the push may be acknowledged.
// Pushes of one turn of the event loop travel together and are stored in one commit. Notices and
// outbox kicks from the thread are passed on here. If the thread dies, what it had not confirmed is
// answered with an error (WeChat retries those pushes) and a new thread takes over.
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { InboundMessage } from '../core/inbound-message';
import type { AcceptOutcome } from '../core/ports/inbox';
import type { Notifier } from '../core/ports/notifier';
import type { FromRoutingThread, PushToStore, RoutingThreadSettings, ToRoutingThread } from './routing-thread-protocol';

export interface RoutingThreadOptions {
  /** A script whose entry calls runRoutingThread() when isRoutingThread() (main.ts does). */
  script: string;
  settings: Omit<RoutingThreadSettings, 'role'>;
  logger: Logger;
  /** Where the thread's notices go (the workbench's live channel, WeChat agents). */
  notices: Notifier;
  /** The thread put messages in the outbox. */
  onOutbox(): void;
  /** Wait before a thread that died is replaced. */
  restartMs?: number;
}

interface Waiter {
  /** Kicks and starts are answered even when the thread dies; only a push's storing fails. */
  kind: 'push' | 'signal';
  resolve(value: AcceptOutcome | undefined): void;
  reject(error: Error): void;
}

export class RoutingThread {
  private worker: Worker | undefined;
  private exited: Promise<void> = Promise.resolve();
  private seq = 0;
  private gathering: PushToStore[] = [];
  private readonly waiting = new Map<number, Waiter>();
  private started = false;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RoutingThreadOptions) {}

  /** Resolves once the push is committed by the thread (or known already). */
  accept(channelId: string, message: InboundMessage, receivedAt: number): Promise<AcceptOutcome> {
    const seq = ++this.seq;
    return new Promise<AcceptOutcome | undefined>((resolve, reject) => {
      this.wait(seq, { kind: 'push', resolve, reject });
      if (this.gathering.push({ seq, channelId, message, receivedAt }) === 1) setImmediate(() => this.sendGathered());
    }) as Promise<AcceptOutcome>;
  }

  /** Starts the routing loop; resolves when the thread is routing (its knowledge base loaded). */
  async start(): Promise<void> {
    this.started = true;
    this.stopping = false;
    await this.ask((seq) => ({ type: 'start', seq }));
  }

  /** Resolves when the thread has made a pass over what is pending. */
  async kick(): Promise<void> {
    await this.ask((seq) => ({ type: 'kick', seq }));
  }

  /** Lets the thread finish its pass and close its database, and waits for it to exit. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.gathering.length > 0) this.sendGathered();
    this.worker?.ref(); // the process waits for the thread to close its database
    this.worker?.postMessage({ type: 'stop' } satisfies ToRoutingThread);
    await this.exited;
  }

  private ask(message: (seq: number) => ToRoutingThread): Promise<AcceptOutcome | undefined> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.wait(seq, { kind: 'signal', resolve, reject });
      this.thread().postMessage(message(seq));
    });
  }

  private sendGathered(): void {
    const pushes = this.gathering;
    this.gathering = [];
    this.thread().postMessage({ type: 'accept', pushes } satisfies ToRoutingThread);
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { workerData: { role: 'kefu-routing', ...this.options.settings } satisfies RoutingThreadSettings });
    worker.unref(); // see wait()
    worker.on('message', (m: FromRoutingThread) => this.received(m));
    worker.on('error', (err) => this.options.logger.error({ err: err.message }, 'the routing thread failed'));
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve(this.gone(worker))));
    this.worker = worker;
    return worker;
  }

  private received(m: FromRoutingThread): void {
    if (m.type === 'accepted') {
      for (const o of m.outcomes) {
        const waiter = this.settle(o.seq);
        if (o.outcome !== undefined) waiter?.resolve(o.outcome);
        else waiter?.reject(new Error(`storing the push failed: ${o.error ?? 'unknown error'}`));
      }
    } else if (m.type === 'started' || m.type === 'kicked') {
      this.settle(m.seq)?.resolve(undefined);
    } else if (m.type === 'notices') {
      void this.options.notices.notify(m.notices).catch(() => undefined);
    } else if (m.type === 'outbox') {
      this.options.onOutbox();
    }
  }

  /**
   * The thread keeps the process alive only while something waits for it: a server that is never
   * stopped does not hang its process, and one that exits does not drop an answer on the floor.
   */
  private wait(seq: number, waiter: Waiter): void {
    this.waiting.set(seq, waiter);
    if (this.waiting.size === 1) this.thread().ref();
  }

  private settle(seq: number): Waiter | undefined {
    const waiter = this.waiting.get(seq);
    this.waiting.delete(seq);
    if (this.waiting.size === 0 && !this.stopping) this.worker?.unref();
    return waiter;
  }

  /** The thread is gone: nothing it held will be answered. Pushes fail (WeChat retries them). */
  private gone(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const [seq, waiter] of [...this.waiting]) {
      this.waiting.delete(seq);
      if (waiter.kind === 'push') waiter.reject(new Error('the routing thread stopped before storing the push'));
      else waiter.resolve(undefined);
    }
    if (this.stopping) return;
    this.options.logger.error('the routing thread exited; starting another');
    this.restartTimer = setTimeout(() => {
      if (this.started) void this.start();
    }, this.options.restartMs ?? 1000);
    this.restartTimer.unref();
  }
}
