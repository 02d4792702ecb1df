// Everything that crossed the emulator: API calls (with their answer) and pushes to apps' servers.
// Tests and the demo page read it. Tokens and secrets are never recorded.

export type RecordEntry =
  | { seq: number; at: number; type: 'api'; appId?: string; api: string; request?: unknown; errcode: number; errmsg: string }
  | {
      seq: number;
      at: number;
      type: 'push';
      appId: string;
      openId: string;
      message: unknown;
      status?: number;
      response?: string;
      error?: string;
    }
  | {
      /** A system event pushed to an open platform's 授权事件接收URL (ticket values are left out). */
      seq: number;
      at: number;
      type: 'component_push';
      appId: string;
      infoType: string;
      fields: Record<string, unknown>;
      delivered: boolean;
      status?: number;
      answer?: string;
      error?: string;
    };

type NewEntry = RecordEntry extends infer E ? (E extends RecordEntry ? Omit<E, 'seq'> : never) : never;

export interface RecordFilter {
  appId?: string;
  type?: RecordEntry['type'];
  api?: string;
  sinceSeq?: number;
}

export class Recorder {
  private readonly entries: RecordEntry[] = [];
  private seq = 0;

  /** Keeps the newest `capacity` entries so a long demo does not grow without bound. */
  constructor(private readonly capacity = 10_000) {}

  add(entry: NewEntry): RecordEntry {
    const full = { ...entry, seq: ++this.seq } as RecordEntry;
    this.entries.push(full);
    if (this.entries.length > this.capacity) this.entries.shift();
    return full;
  }

  list(filter: RecordFilter = {}): RecordEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.appId === undefined || e.appId === filter.appId) &&
        (filter.type === undefined || e.type === filter.type) &&
        (filter.api === undefined || (e.type === 'api' && e.api === filter.api)) &&
        (filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
    );
  }

  /** Messages an app delivered to customers (successful custom/send calls). */
  sentMessages(appId?: string): RecordEntry[] {
    return this.list({ appId, api: 'cgi-bin/message/custom/send' }).filter((e) => e.type === 'api' && e.errcode === 0);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
