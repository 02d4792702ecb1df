// The inbox (real SQLite file) and its worker, feeding the engine (in-memory ports).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { decodeSessionFrom, encodeSessionFrom, encryptUnionId } from '../../../shared/src/index';
import type { InboxDeps } from '../app/process-inbox-entry';
import { CHANNEL, engineFixture, type EngineFixture } from '../app/testing/engine-fixture';
import type { InboundMessage, TextMessage } from '../core/inbound-message';
import { dedupeKey } from '../core/ports/inbox';
import { openDatabase } from '../storage/database';
import { SqliteInbox } from '../storage/sqlite-inbox';
import { InboxWorker, retryDelayMs } from './inbox-worker';

const KEY = '0123456789abcdef';

function text(openid: string, msgId: string, content = 'hello'): TextMessage {
  return { type: 'text', toUserName: 'gh_x', fromUserName: openid, createTime: '1714112445', msgId, content };
}

let dir: string;
let fx: EngineFixture;
let now: number;
function setup(file = join(dir, 'kefu.db'), channelOf: InboxDeps['channelOf'] = async () => ({ kind: 'miniprogram', unionIdKey: KEY })) {
  const db = openDatabase(file);
  const inbox = new SqliteInbox(db);
  const worker = new InboxWorker(
    { engine: fx.deps, inbox, channelOf },
    { logger: pino({ level: 'silent' }), now: () => now, maxAttempts: 3 },
  );
  return { db, inbox, worker };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'inbox-'));
  fx = engineFixture();
  now = 1_000_000;
});

describe('dedupeKey', () => {
  it('uses MsgId for messages and sender + time + event for events', () => {
    expect(dedupeKey(text('o1', '23241477706429916'))).toBe('m:23241477706429916');
    const enter: InboundMessage = {
      type: 'user_enter_tempsession',
      toUserName: 'gh',
      fromUserName: 'o1',
      createTime: '5',
      sessionFrom: 'wxapp',
      context: decodeSessionFrom('wxapp'),
    };
    expect(dedupeKey(enter)).toBe('e:o1|5|user_enter_tempsession');
    expect(
      dedupeKey({
        type: 'unknown',
        msgType: 'event',
        event: 'x',
        raw: { FromUserName: 'o1', CreateTime: '5', MsgType: 'event', Event: 'x' },
      }),
    ).toBe('u:o1|5|event|x');
  });
});

describe('SqliteInbox', () => {
  it('stores a push once: a retry of the same MsgId is a duplicate', async () => {
    const { inbox } = setup();
    expect(await inbox.accept(CHANNEL, text('o1', '1'), now)).toBe('stored');
    expect(await inbox.accept(CHANNEL, text('o1', '1', 'retried'), now)).toBe('duplicate');
    expect(await inbox.accept('other-channel', text('o1', '1'), now)).toBe('stored');
    expect((await inbox.pending(now, 10)).map((e) => [e.channelId, e.message])).toEqual([
      [CHANNEL, text('o1', '1')],
      ['other-channel', text('o1', '1')],
    ]);
  });

  it('commits the pushes of one event-loop turn together, in order', async () => {
    const { inbox, db } = setup();
    const commits: number[] = [];
    db.function('noop', () => null);
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => inbox.accept(CHANNEL, text(`o${i}`, String(i)), now)));
    commits.push((db.prepare('SELECT count(*) AS n FROM inbox').get() as { n: number }).n);
    expect(outcomes.every((o) => o === 'stored')).toBe(true);
    expect(commits).toEqual([50]);
    expect((await inbox.pending(now, 100)).map((e) => (e.message as TextMessage).msgId)).toEqual(
      Array.from({ length: 50 }, (_, i) => String(i)),
    );
  });

  it('keeps what it stored across a restart', async () => {
    const first = setup();
    await first.inbox.accept(CHANNEL, text('o1', '77'), now);
    first.db.close();
    const second = setup();
    expect((await second.inbox.pending(now, 10)).map((e) => (e.message as TextMessage).msgId)).toEqual(['77']);
  });
});

describe('InboxWorker', () => {
  it('hands messages to the engine in order and marks them done', async () => {
    const { inbox, worker } = setup();
    await inbox.accept(CHANNEL, text('o1', '1', '第一条'), now);
    await inbox.accept(CHANNEL, text('o1', '2', '第二条'), now);
    await worker.kick();
    const messages = [...fx.store.data.messages.values()].filter((m) => m.direction === 'in');
    expect(messages.map((m) => (m.content.type === 'text' ? m.content.text : ''))).toEqual(['第一条', '第二条']);
    expect(await inbox.pending(now, 10)).toEqual([]);
    await worker.kick();
    expect([...fx.store.data.messages.values()].filter((m) => m.direction === 'in')).toHaveLength(2);
  });

  it('gives the engine the session-from context with the UnionID decrypted', async () => {
    const { inbox, worker } = setup();
    const value = encodeSessionFrom({ nickname: '小明', unionId: encryptUnionId('oUnion-1', KEY), partnerId: 'p-1' }).value;
    const enter: InboundMessage = {
      type: 'user_enter_tempsession',
      toUserName: 'gh',
      fromUserName: 'o9',
      createTime: '7',
      sessionFrom: value,
      context: decodeSessionFrom(value),
    };
    await inbox.accept(CHANNEL, enter, now);
    await worker.kick();
    const customer = [...fx.store.data.customers.values()].find((c) => c.openid === 'o9');
    // Only a session-from said so: a claim, never the verified UnionID of the kit's login exchange.
    expect(customer).toMatchObject({ nickname: '小明', unionId: 'oUnion-1', unionIdSource: 'claimed', partnerId: 'p-1' });
  });

  it('retries a failing entry with backoff, then sets it aside', async () => {
    let fail = true;
    const { inbox, worker, db } = setup(undefined, async () => {
      if (fail) throw new Error('channel store down');
      return { kind: 'miniprogram' as const };
    });
    await inbox.accept(CHANNEL, text('o1', '1'), now);
    await worker.kick();
    expect(await inbox.pending(now, 10)).toEqual([]); // not due yet
    now += retryDelayMs(1);
    expect(await inbox.pending(now, 10)).toHaveLength(1);
    await worker.kick();
    now += retryDelayMs(2);
    await worker.kick();
    const row = db.prepare('SELECT state, attempts, last_error FROM inbox').get();
    expect(row).toEqual({ state: 'failed', attempts: 3, last_error: 'Error: channel store down' });
    fail = false;
    expect(fx.store.data.messages.size).toBe(0);
  });

  it('resumes the entries a previous process left', async () => {
    const first = setup();
    await first.inbox.accept(CHANNEL, text('o1', '5', 'left behind'), now);
    first.db.close();
    const second = setup();
    second.worker.start();
    await second.worker.stop();
    await second.worker.kick();
    expect([...fx.store.data.messages.values()].map((m) => m.content)).toContainEqual({ type: 'text', text: 'left behind' });
  });
});

describe('the inbox scan', () => {
  it('reads only pending entries, in arrival order, through the partial index', () => {
    const { db } = setup();
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id, channel_id, message, received_at, attempts FROM inbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
      )
      .all(0, 100) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail)).toEqual(['SCAN inbox USING INDEX inbox_pending']);
  });
});
