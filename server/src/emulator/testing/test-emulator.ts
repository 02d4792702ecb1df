// For tests: an emulator on a real port 0 with a manual clock and two apps, plus admin helpers.
import type { AddressInfo } from 'node:net';
import type { EmulatedApp } from '../apps';
import { createManualClock, type EmulatorClock } from '../clock';
import { createEmulator, type EmulatorOptions } from '../emulator';
import { refuseDuringOutage } from '../faults';
import type { EmulatorState } from '../state';

export const MINI_PROGRAM: EmulatedApp = {
  appId: 'wxminiprogram0001',
  secret: 'mini-program-secret-0001',
  kind: 'miniprogram',
  originalId: 'gh_minipro0001',
  mode: 'plaintext',
  format: 'json',
};

export const OFFICIAL_ACCOUNT: EmulatedApp = {
  appId: 'wxofficialacct001',
  secret: 'official-account-secret-01',
  kind: 'official_account',
  originalId: 'gh_officialacct1',
  mode: 'plaintext',
  format: 'xml',
};

/** 2025-01-01T00:00:00Z, a fixed start so failures are reproducible. */
export const TEST_EPOCH = Date.UTC(2025, 0, 1);

export interface TestEmulator {
  /** WeChat's API and the admin API. During an outage, its API calls get the front end's 503. */
  baseUrl: string;
  /** WeChat's API alone: during an outage its connections are refused (reset as they open), as a dead host's. */
  apiUrl: string;
  clock: EmulatorClock;
  state: EmulatorState;
  close(): Promise<void>;
  /** POST to the emulator's admin API; throws on a non-2xx answer. */
  admin<T = unknown>(path: string, body?: unknown): Promise<T>;
  /** Injected failures of WeChat's API (the admin API's /faults routes), typed. */
  faults: {
    errcode(api: string, errcode: number, times?: number): Promise<unknown>;
    /** The next `times` calls to `api` answer `ms` real milliseconds late. */
    delay(api: string, ms: number, times?: number): Promise<unknown>;
    /** The next `times` calls to `api` lose their connection before or after WeChat processed them. */
    drop(api: string, when: 'before' | 'after', times?: number): Promise<unknown>;
    /** Every API call is refused (connection reset) for `ms` of the emulator's clock. */
    outage(ms: number): Promise<{ until?: number }>;
    clear(): Promise<void>;
  };
  /** The user does something in WeChat (without a push unless the app has a pushUrl). */
  customerSays(app: EmulatedApp, openId: string, type?: string, extra?: Record<string, unknown>): Promise<unknown>;
}

export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const clock = options.clock ?? createManualClock(TEST_EPOCH);
  const { app, state, stop } = createEmulator({ apps: [MINI_PROGRAM, OFFICIAL_ACCOUNT], ticketPollMs: 20, ...options, clock });
  const server = app.listen(0, '127.0.0.1');
  // A second door to the same emulator, for WeChat's API only: during an outage it refuses connections,
  // which the admin door cannot do without locking the test out.
  const apiServer = app.listen(0, '127.0.0.1');
  const stopWatching = refuseDuringOutage(apiServer, state.faults, clock);
  await Promise.all([server, apiServer].map((s) => new Promise<void>((resolve) => s.once('listening', resolve))));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  const admin = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/emulator${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (!res.ok) throw new Error(`admin ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    baseUrl,
    apiUrl,
    clock,
    state,
    admin,
    faults: {
      errcode: (api, errcode, times = 1) => admin('/faults', { api, errcode, times }),
      delay: (api, ms, times = 1) => admin('/faults/delay', { api, ms, times }),
      drop: (api, when, times = 1) => admin('/faults/drop', { api, when, times }),
      outage: (ms) => admin('/faults/outage', { ms }),
      clear: async () => {
        const res = await fetch(`${baseUrl}/emulator/faults`, { method: 'DELETE' });
        if (!res.ok) throw new Error(`admin DELETE /faults: HTTP ${res.status}`);
      },
    },
    customerSays: (a, openId, type = 'text', extra = {}) => admin(`/apps/${a.appId}/customers/${openId}/messages`, { type, ...extra }),
    close: async () => {
      stopWatching();
      stop();
      await Promise.all(
        [server, apiServer].map(
          (s) =>
            new Promise<void>((resolve, reject) => {
              s.closeAllConnections();
              if (!s.listening) return resolve(); // the API door during an outage
              s.close((err) => (err ? reject(err) : resolve()));
            }),
        ),
      );
    },
  };
}

/** How many times an API was called so far, per the emulator's record. */
export function callCount(state: EmulatorState, api: string): number {
  return state.recorder.list({ type: 'api', api }).length;
}
