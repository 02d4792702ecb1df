// Test support (no tests here): the real app on a real port 0, with recorded pushes and captured logs.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import type { ChannelConfig } from '../../core/channel';
import type { InboundMessage, PushOutcome } from '../../core/inbound-message';
import { type AppDeps, createApp } from '../create-app';

export interface Harness {
  baseUrl: string;
  pushes: Array<{ channel: ChannelConfig; message: InboundMessage }>;
  logs: string[];
  /** What onPush answers next; default undefined (answer `success`). */
  respond: (message: InboundMessage) => Promise<PushOutcome>;
  close(): Promise<void>;
}

export async function startHarness(channels: ChannelConfig[], extra: Partial<AppDeps> = {}): Promise<Harness> {
  const logs: string[] = [];
  const harness: Omit<Harness, 'baseUrl' | 'close'> = { pushes: [], logs, respond: async () => undefined };
  const app = createApp({
    channels: { find: async (id) => channels.find((c) => c.id === id) },
    onPush: async (channel, message) => {
      harness.pushes.push({ channel, message });
      return harness.respond(message);
    },
    logger: pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) }),
    ...extra,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(harness, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
