// Test support: an integrator's webhook receiver on loopback, over real HTTP. It checks every delivery
// with the README's verification (security/webhook-signature.ts: HMAC-SHA256 over timestamp + "." + raw
// body, v1=hex, within 5 minutes), records what it got, and can be taken down (connections refused) and
// brought back on the same port, or made to answer 500 to some events.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../security/webhook-signature';

export interface ReceivedEvent {
  id: string;
  type: string;
  createdAt: string;
  channelId: string;
  merchantId?: string;
  data: { conversationId?: string; [k: string]: unknown };
}

export interface Received {
  event: ReceivedEvent;
  raw: string;
  headers: IncomingMessage['headers'];
  verified: boolean;
  answered: number;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  secret = '';
  /** Events this answers 500 to (a receiver failing on one conversation). */
  failing: (e: ReceivedEvent) => boolean = () => false;
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** Events answered 2xx, in the order they arrived. */
  get accepted(): ReceivedEvent[] {
    return this.received.filter((r) => r.answered === 204).map((r) => r.event);
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const verified = verifyWebhookSignature(
          this.secret,
          String(req.headers['x-kefu-signature'] ?? ''),
          String(req.headers['x-kefu-timestamp'] ?? ''),
          raw,
          Math.floor(Date.now() / 1000),
        );
        const event = JSON.parse(raw) as ReceivedEvent;
        const answered = !verified ? 401 : this.failing(event) ? 500 : 204;
        this.received.push({ event, raw, headers: req.headers, verified, answered });
        res.statusCode = answered;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Refuses connections until up() again (same port). */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}
