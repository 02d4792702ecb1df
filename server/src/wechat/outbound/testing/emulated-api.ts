// Shared set-up for outbound tests: a client, a broker and an API bound to a running test emulator.
import type { TokenSource, TokenStore } from '../../../core/ports/token-store';
import type { EmulatedApp } from '../../../emulator/apps';
import type { TestEmulator } from '../../../emulator/testing/test-emulator';
import { InMemoryTokenStore } from '../../../storage/testing/in-memory-token-store';
import { WeChatApi } from '../api';
import { WeChatClient } from '../client';
import { AccessTokenBroker } from '../token-broker';

export interface Wired {
  client: WeChatClient;
  broker: AccessTokenBroker;
  api: WeChatApi;
  sleeps: number[];
}

/** The client shares the emulator's clock, and records backoff sleeps instead of waiting. */
export function wire(
  emu: TestEmulator,
  app: EmulatedApp,
  opts: { store?: TokenStore; source?: TokenSource; now?: () => number } = {},
): Wired {
  const sleeps: number[] = [];
  const client = new WeChatClient({
    baseUrl: emu.baseUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
  });
  const broker = new AccessTokenBroker({
    appId: app.appId,
    secret: app.secret,
    client,
    store: opts.store ?? new InMemoryTokenStore(),
    source: opts.source ?? 'stable',
    now: opts.now ?? (() => emu.clock.now()),
  });
  return { client, broker, api: new WeChatApi(client, broker), sleeps };
}
