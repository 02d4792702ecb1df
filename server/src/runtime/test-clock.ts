// The test clock's driver (KEFU_TEST_CLOCK=1), behind the /testing routes: moving the clock first lets
// the inbox worker route every push already acknowledged (at the time it arrived), then advances the
// clock through the timers' due instants (TimerScheduler.advanceClock), then wakes the inbox worker and
// the outbox sender, whose retries may have come due. Whether the server is idle adds up the inbox, the
// outbox (counted by storage) and the running passes.
import type { ControllableClock } from './controllable-clock';
import type { InboxWorker } from './inbox-worker';
import type { NoticesToWeChatAgents } from './notices-to-wechat-agents';
import type { OutboxSender } from './outbox-sender';
import type { FiredAt, TimerScheduler } from './timer-scheduler';

export interface StoredWork {
  inbox: number;
  outboxSending: number;
  outboxWaitingForWeChat: number;
}

export interface TestClockDriverDeps {
  clock: ControllableClock;
  timers: TimerScheduler;
  inboxWorker: InboxWorker;
  outboxSender: OutboxSender;
  noticesToWeChatAgents: NoticesToWeChatAgents;
  /** What waits in the inbox and the outbox at an instant. */
  storedWork: { count(now: number): Promise<StoredWork> };
}

export class TestClockDriver {
  constructor(private readonly deps: TestClockDriverDeps) {}

  readonly now = (): number => this.deps.clock.now();

  async moveTo(target: number): Promise<FiredAt[]> {
    // A kick joins a running pass; the second one is a fresh pass that sees every stored push.
    await this.deps.inboxWorker.kick();
    await this.deps.inboxWorker.kick();
    const fired = await this.deps.timers.advanceClock(this.deps.clock, target);
    void this.deps.inboxWorker.kick();
    void this.deps.outboxSender.kick();
    return fired;
  }

  async pendingWork(): Promise<StoredWork & { routing: boolean }> {
    // Notices relayed to WeChat agents become sends once handled: count them after.
    await this.deps.noticesToWeChatAgents.idle();
    const stored = await this.deps.storedWork.count(this.deps.clock.now());
    return { ...stored, routing: this.deps.timers.busy };
  }
}
