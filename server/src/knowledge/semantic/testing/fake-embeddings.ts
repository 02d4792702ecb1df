// A small local embeddings endpoint for tests (never a real one): OpenAI-compatible `POST /v1/embeddings`
// answering deterministic vectors, each text's characters counted into 64 hashed dimensions (a crude bag of
// characters: texts sharing characters point the same way). It can be told to be slow or to fail, and
// remembers what it was asked and with which Authorization header.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const DIMENSIONS = 64;

export function bagOfCharacters(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const ch of text) {
    if (/[\s\p{P}]/u.test(ch)) continue;
    const cp = ch.codePointAt(0) as number;
    const at = Math.imul(cp, 2654435761) >>> 26; // the top 6 bits: 64 buckets
    v[at] = (v[at] as number) + 1;
  }
  return v;
}

export interface FakeEmbeddings {
  url: string;
  mode: 'ok' | 'slow' | 'down';
  /** How long a slow answer takes. */
  delayMs: number;
  requests: { model: string; input: string[]; authorization: string | undefined }[];
  close(): Promise<void>;
}

export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const timers = new Set<NodeJS.Timeout>();
  const fake: FakeEmbeddings = { url: '', mode: 'ok', delayMs: 2000, requests: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const { model, input } = JSON.parse(body) as { model: string; input: string[] };
      fake.requests.push({ model, input, authorization: req.headers.authorization });
      if (fake.mode === 'down') return void res.writeHead(503).end('{"error":"down"}');
      const send = () => {
        const data = input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfCharacters(text) }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model }));
      };
      if (fake.mode === 'ok') return send();
      const t = setTimeout(() => (timers.delete(t), send()), fake.delayMs);
      timers.add(t);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/embeddings`;
  fake.close = () =>
    new Promise((r) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => r());
    });
  return fake;
}
