// Property-based fuzzing of the push endpoint over real HTTP: mutated valid pushes and random requests.
// Invariants: every answer is a documented status, the server keeps answering, and onPush only ever
// sees a message whose signature verified (in encrypted modes: exactly the message that was signed).
import fc from 'fast-check';
import type { ChannelConfig, PushFormat, PushMode } from '../core/channel';
import { DOCUMENTED_STATUSES } from '../wechat/inbound/errors';
import { ALL_TYPES, type BuiltPush, buildPush, exampleMessage, type PushTarget } from '../wechat/push-client/index';
import { type Harness, startHarness } from './testing/harness';

jest.setTimeout(60_000);

const KEY = 'kLq0s9WZ2v3mJ4nB5xC6yD7zE8aF1gH2iJ3kL4mN5oP';
const channels: ChannelConfig[] = (['plaintext', 'compatible', 'secure'] as PushMode[]).flatMap((mode) =>
  (['xml', 'json'] as PushFormat[]).map((format) => ({
    id: `${mode}-${format}`,
    kind: 'miniprogram' as const,
    appId: 'wx52f1b2c0e1d2a3b4',
    originalId: 'gh_1234567890ab',
    token: 'fuzzToken',
    encodingAesKey: KEY,
    mode,
    format,
  })),
);

let h: Harness;
beforeAll(async () => {
  h = await startHarness(channels, { maxBodyBytes: 4096 });
});
afterAll(() => h.close());

const target = (c: ChannelConfig): PushTarget => ({
  url: `${h.baseUrl}/wechat/${c.id}`,
  token: c.token,
  appId: c.appId,
  originalId: c.originalId,
  encodingAesKey: KEY,
  mode: c.mode,
  format: c.format,
});

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'param'; name: string; value: string | null }
  | { kind: 'duplicate'; name: string }
  | { kind: 'header'; name: string; value: string };

const PARAMS = ['signature', 'timestamp', 'nonce', 'openid', 'encrypt_type', 'msg_signature', 'echostr'];
const headerName = fc.constantFrom('content-type', 'content-encoding', 'accept', 'x-forwarded-for', 'x-wechat-test', 'user-agent');
const headerValue = fc.string({ unit: fc.constantFrom(...'abcxyz/;=+-_.0123456789 *'.split('')), maxLength: 40 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('param' as const), name: fc.constantFrom(...PARAMS), value: fc.option(fc.string({ maxLength: 50 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), name: fc.constantFrom(...PARAMS) }),
  fc.record({ kind: fc.constant('header' as const), name: headerName, value: headerValue }),
);

function applyMutation(push: BuiltPush, m: Mutation): { url: string; body: Uint8Array; headers: Record<string, string> } {
  const url = new URL(push.url);
  let body = Buffer.from(push.body);
  const headers: Record<string, string> = { 'content-type': push.contentType };
  if (m.kind === 'flip') {
    body = Buffer.from(body);
    const i = m.at % body.length;
    body[i] = (body[i] ?? 0) ^ (1 << m.bit);
  } else if (m.kind === 'truncate') body = body.subarray(0, m.at % body.length);
  else if (m.kind === 'insert') {
    const i = m.at % (body.length + 1);
    body = Buffer.concat([body.subarray(0, i), Buffer.from(m.text), body.subarray(i)]);
  } else if (m.kind === 'param') {
    if (m.value === null) url.searchParams.delete(m.name);
    else url.searchParams.set(m.name, m.value);
  } else if (m.kind === 'duplicate') url.searchParams.append(m.name, url.searchParams.get(m.name) ?? 'x');
  else headers[m.name] = m.value;
  return { url: url.toString(), body, headers };
}

/** Parameters that, when changed, must make the push fail (they feed the signature that is checked). */
function isSigned(c: ChannelConfig, name: string): boolean {
  return c.mode === 'plaintext'
    ? ['signature', 'timestamp', 'nonce'].includes(name)
    : ['msg_signature', 'timestamp', 'nonce', 'encrypt_type'].includes(name);
}

describe('fuzz: mutated valid pushes', () => {
  it('never crash, answer a documented status, and let only verified messages through', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        fc.constantFrom(...ALL_TYPES),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (channel, type, mutations) => {
          const message = exampleMessage(type, { openId: 'oFUZZ', originalId: channel.originalId, createTime: 1714112445 });
          let sent: { url: string; body: Uint8Array; headers: Record<string, string> } = { url: '', body: new Uint8Array(), headers: {} };
          let push = buildPush(target(channel), message);
          for (const m of mutations) {
            sent = applyMutation(push, m);
            push = {
              ...push,
              url: sent.url,
              body: Buffer.from(sent.body).toString('latin1'),
              contentType: sent.headers['content-type'] ?? push.contentType,
            };
          }
          h.pushes.length = 0;
          const res = await fetch(sent.url, { method: 'POST', body: Buffer.from(sent.body), headers: sent.headers });
          await res.text();
          expect(DOCUMENTED_STATUSES).toContain(res.status);
          const touchedSigned = mutations.some(
            (m) =>
              (m.kind === 'param' || m.kind === 'duplicate') &&
              isSigned(channel, m.name) &&
              !(m.kind === 'param' && m.value === new URL(buildPush(target(channel), message).url).searchParams.get(m.name)),
          );
          if (touchedSigned) expect(h.pushes).toHaveLength(0);
          if (channel.mode !== 'plaintext') for (const p of h.pushes) expect(p.message).toEqual(message);
          if (res.status === 200) expect(h.pushes).toHaveLength(1);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('fuzz: random requests', () => {
  const path = fc.oneof(fc.constantFrom(...channels.map((c) => c.id)), fc.string({ maxLength: 12 }));
  const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 8 })), fc.string({ maxLength: 60 })), {
    maxLength: 8,
  });
  const body = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.uint8Array({ maxLength: 6000 }),
    fc.constantFrom('<xml><Encrypt>abc</Encrypt></xml>', '{"Encrypt":"YWJj"}', '<!DOCTYPE a [<!ENTITY b "c">]><xml>&b;</xml>'),
  );
  it('never crash, answer a documented status, and never reach onPush', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path,
        query,
        body,
        fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
        async (method, id, q, b, headers) => {
          const url = new URL(`${h.baseUrl}/wechat/${encodeURIComponent(id)}`);
          for (const [k, v] of q) url.searchParams.append(k, v);
          h.pushes.length = 0;
          const res = await fetch(url, { method, headers, ...(method === 'GET' ? {} : { body: b }) });
          await res.text();
          expect(DOCUMENTED_STATUSES).toContain(res.status);
          expect(h.pushes).toHaveLength(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
  it('still serves a valid push afterwards', async () => {
    const c = channels[5] as ChannelConfig;
    const p = buildPush(target(c), exampleMessage('text', { openId: 'o', originalId: c.originalId, createTime: 1 }));
    const res = await fetch(p.url, { method: 'POST', body: p.body });
    expect([res.status, await res.text()]).toEqual([200, 'success']);
  });
});
