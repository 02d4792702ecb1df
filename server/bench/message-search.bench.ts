// Benchmark of conversation search over 1,000,000 stored messages on SQLite (a real file, the product's
// adapter: FTS5 trigram index, LIKE over candidates for words under three characters): the p99 of a
// merchant's search for a Chinese word inside a sentence, two characters (most Chinese words: no trigram
// to look up) and four (through the index), a word found nowhere (the worst case: every candidate is
// read), and an agent's search (their sight applied). `--quick`: 100,000 messages. `--postgres`: the same
// rows copied into a throwaway PostgreSQL cluster (message-search-pg.ts) and measured there too.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Conversation } from '../src/core/model/conversation';
import type { ConversationSearchQuery } from '../src/core/ports/conversation-search';
import { openDatabase } from '../src/storage/database';
import type { ConversationSearch } from '../src/core/ports/conversation-search';
import { SqliteConversationSearch } from '../src/storage/sqlite-conversation-search';
import { SqliteSearchIndex } from '../src/storage/sqlite-search-index';
import { postgresCopy } from './message-search-pg';
import { sqliteTransaction } from '../src/storage/sqlite-unit-of-work';

const QUICK = process.argv.includes('--quick');
const POSTGRES = process.argv.includes('--postgres');
const MESSAGES = QUICK ? 100_000 : 1_000_000;
const PER_CONVERSATION = 10;
const MERCHANTS = 10;
const AGENTS_PER_MERCHANT = 20;
const HAN =
  '的一是在不了有和人这中大为上们个国我以要他时来用生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研';
/** Planted in sentences: one message in 500 says 退货 (return), one in 2,000 says 发票抬头 (invoice title). */
const PLANTED = [
  { word: '退货', share: 1 / 500 },
  { word: '发票抬头', share: 1 / 2000 },
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function sentence(r: () => number): string {
  const han = (n: number) => Array.from({ length: n }, () => HAN[Math.floor(r() * HAN.length)]).join('');
  const dice = r();
  const planted =
    dice < (PLANTED[0]?.share ?? 0) ? PLANTED[0] : dice < (PLANTED[0]?.share ?? 0) + (PLANTED[1]?.share ?? 0) ? PLANTED[1] : undefined;
  return planted
    ? `${han(4 + Math.floor(r() * 8))}${planted.word}${han(3 + Math.floor(r() * 8))}，谢谢`
    : `${han(6 + Math.floor(r() * 20))}。`;
}

async function fill(dir: string) {
  const db = openDatabase(join(dir, 'bench.db'));
  const tx = sqliteTransaction(db);
  const r = rng(11);
  const conversations = MESSAGES / PER_CONVERSATION;
  const started = performance.now();
  db.exec('BEGIN');
  for (let c = 0; c < conversations; c++) {
    const merchant = `m${c % MERCHANTS}`;
    const agentId = `${merchant}-a${Math.floor(r() * AGENTS_PER_MERCHANT)}`;
    const createdAt = 1_700_000_000_000 + c * 60_000;
    const conversation: Conversation = {
      id: `c${String(c).padStart(7, '0')}`,
      channelId: 'ch1',
      merchantId: merchant,
      customerId: `cu${c % 50_000}`,
      state: c % 50 === 0 ? 'assigned' : 'ended',
      agentId,
      remainingChain: [],
      excludedAgentIds: [],
      createdAt,
    };
    await tx.conversations.save(conversation);
    for (let k = 0; k < PER_CONVERSATION; k++) {
      const i = c * PER_CONVERSATION + k;
      const inbound = k % 2 === 0;
      await tx.messages.add({
        id: `msg${String(i).padStart(8, '0')}`,
        channelId: 'ch1',
        conversationId: conversation.id,
        customerId: conversation.customerId,
        direction: inbound ? 'in' : 'out',
        sender: inbound ? { kind: 'customer' } : { kind: 'agent', agentId },
        content: { type: 'text', text: sentence(r) },
        createdAt: createdAt + k * 1000,
        ...(inbound ? { wechatMsgId: `w${i}` } : { delivery: { status: 'sent', at: createdAt + k * 1000 } }),
      });
    }
    if (c % 5000 === 4999) db.exec('COMMIT; BEGIN');
  }
  db.exec('COMMIT');
  new SqliteSearchIndex(db).catchUp(); // copied and indexed, as the server's timer keeps them: not paid by the first search
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `stored ${MESSAGES.toLocaleString('en')} messages in ${conversations.toLocaleString('en')} conversations: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`database file ${(statSync(join(dir, 'bench.db')).size / 2 ** 20).toFixed(0)} MiB`);
  return db;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function measure(
  search: ConversationSearch,
  label: string,
  query: Omit<ConversationSearchQuery, 'channelId' | 'limit'>,
  runs: number,
) {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const merchant = `m${i % MERCHANTS}`;
    const t = performance.now();
    const hits = await search.search({ channelId: 'ch1', merchant: { merchantId: merchant }, limit: 20, ...query });
    times.push(performance.now() - t);
    found += hits.length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(58)} p50 ${pct(times, 50).toFixed(2).padStart(8)} ms  p99 ${pct(times, 99).toFixed(2).padStart(8)} ms  max ${times.at(-1)?.toFixed(2).padStart(8)} ms  (${runs} runs, ${(found / runs).toFixed(1)} hits each)`,
  );
}

async function measureAll(engine: string, search: ConversationSearch) {
  console.log(`${engine}: a merchant's search, newest 20, over ${MESSAGES.toLocaleString('en')} messages (${MERCHANTS} merchants):`);
  await measure(search, '“退货” (2 characters, inside sentences: LIKE over candidates)', { text: '退货' }, 200);
  await measure(search, '“发票抬头” (4 characters: the trigram index)', { text: '发票抬头' }, 200);
  await measure(search, '“退货” by an agent who sees only their own', { text: '退货', hideHeldByOthers: 'm0-a1' }, 100);
  await measure(search, '“鲸鱼” found nowhere (2 characters: every candidate read)', { text: '鲸鱼' }, 20);
  const week = { from: 1_700_000_000_000, to: 1_700_000_000_000 + 7 * 86_400_000 };
  await measure(search, '“鲸鱼” found nowhere, within one week', { text: '鲸鱼', ...week }, 100);
  await measure(search, '“蓝鲸鱼” found nowhere (3 characters: the index)', { text: '蓝鲸鱼' }, 200);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-search-bench-'));
  try {
    const db = await fill(dir);
    await measureAll('SQLite', new SqliteConversationSearch(db));
    if (POSTGRES) {
      const pgCopy = await postgresCopy(db);
      await measureAll('PostgreSQL', pgCopy.search);
      await pgCopy.stop();
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
