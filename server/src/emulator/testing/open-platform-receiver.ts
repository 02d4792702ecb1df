// For tests: a stand-in for an open platform's server that records what WeChat pushes to its
// 授权事件接收URL (/auth-events) and 消息与事件接收URL (/messages/<appid>), answers `success`, and an
// independent WXBizMsgCrypt reading (node:crypto only, written from the official algorithm text in
// wechat-protocol.md §2.2, not from the product's crypto.ts) so tests check the emulator against the spec.
import { createDecipheriv, createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface ReceivedPush {
  path: string;
  query: Record<string, string>;
  body: string;
}

export interface PlatformReceiver {
  baseUrl: string;
  authEventUrl: string;
  /** With WeChat's `$APPID$` placeholder. */
  messageUrl: string;
  received: ReceivedPush[];
  /** Resolves when `count` pushes arrived at `path` (a prefix), within `ms` real milliseconds. */
  waitFor(path: string, count: number, ms?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

export async function startPlatformReceiver(): Promise<PlatformReceiver> {
  const received: ReceivedPush[] = [];
  const app = express();
  app.post(/.*/, express.text({ type: () => true }), (req, res) => {
    received.push({ path: req.path, query: req.query as Record<string, string>, body: String(req.body) });
    res.send('success');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const at = (path: string) => received.filter((p) => p.path.startsWith(path));
  return {
    baseUrl,
    authEventUrl: `${baseUrl}/auth-events`,
    messageUrl: `${baseUrl}/messages/$APPID$`,
    received,
    async waitFor(path, count, ms = 3000) {
      const until = Date.now() + ms;
      while (at(path).length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      return at(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Opened {
  /** The decrypted message. */
  xml: string;
  receiveId: string;
  /** msg_signature recomputed from the query and the envelope's Encrypt matches. */
  signatureOk: boolean;
  /** signature (Token, timestamp, nonce) matches too. */
  urlSignatureOk: boolean;
  envelope: string;
}

function sha1Sorted(parts: string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** The text of one XML element (CDATA or plain). */
export function field(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Verifies and decrypts a push as the official algorithm describes it: AES-256-CBC, IV = key[0..16), PKCS#7 to 32. */
export function openPush(push: ReceivedPush, token: string, encodingAesKey: string): Opened {
  const encrypt = field(push.body, 'Encrypt') ?? '';
  const { timestamp = '', nonce = '', msg_signature = '', signature = '' } = push.query;
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > 32) throw new Error(`bad padding ${pad}`);
  const frame = padded.subarray(0, padded.length - pad);
  const length = frame.readUInt32BE(16);
  return {
    xml: frame.subarray(20, 20 + length).toString('utf8'),
    receiveId: frame.subarray(20 + length).toString('utf8'),
    signatureOk: msg_signature === sha1Sorted([token, timestamp, nonce, encrypt]),
    urlSignatureOk: signature === sha1Sorted([token, timestamp, nonce]),
    envelope: push.body,
  };
}
