// The push's unit of work, decided here and nowhere else. The worker hands over a chunk of stored pushes;
// each entry gets ONE unit of work, in which it is routed to its story (a customer message, the customer
// entering the chat with the session-from's UnionID read for their openid, an official-account action that
// opens WeChat's window) and marked done, so each push is processed exactly once even if the process
// stops between two steps. A chunk's units share one commit when the unit of work can batch. After the
// commit, the notices are published and the outbox sender is woken if anything was enqueued. Stories
// receive the unit (`Work`) and open none of their own. What the robot fetches over the network (a
// question's embedding) is fetched before the units open, never inside one: a unit holds the database.
import { readUnionIdToken, type UnionIdTokenReading } from '../../../shared/src/index';
import type { ChannelKind } from '../core/channel';
import { isCustomerMessage } from '../core/conversation/inbound-content';
import type { InboundMessage } from '../core/inbound-message';
import type { Inbox, InboxEntry } from '../core/ports/inbox';
import type { EngineNotice } from '../core/ports/notifier';
import type { BatchHint, Transaction, UnitOfWork } from '../core/ports/unit-of-work';
import { customerEnteredSessionIn } from './customer-entered-session';
import { handleCustomerMessage } from './handle-customer-message';
import { recordCustomerActionIn } from './record-customer-action';
import { afterCommit, closeUnit, openUnit, type EngineDeps, type OpenUnit, type Work } from './support/engine-deps';
import type { WeChatAgentOptions } from './wechat-agent/session';

export interface InboxChannel {
  kind: ChannelKind;
  /** The channel's UnionID key, to read the encrypted UnionID of a session-from. */
  unionIdKey?: string;
}

export interface InboxDeps {
  engine: EngineDeps;
  inbox: Inbox;
  channelOf(channelId: string): Promise<InboxChannel | undefined>;
  /** What agents answering from WeChat may use (the knowledge base). */
  wechatAgents?: WeChatAgentOptions;
}

/** An entry that could not be processed, with why; nothing of it was committed. */
export type InboxFailure = [entry: InboxEntry, error: unknown];

/** Processes `chunk` in arrival order; returns the failures, for the worker to schedule a retry. */
export async function processInboxEntries(deps: InboxDeps, chunk: readonly InboxEntry[]): Promise<InboxFailure[]> {
  const { engine } = deps;
  const failures: InboxFailure[] = [];
  // Looked up before the batch: a lookup that needs the database would wait for the batch that holds it.
  const channels = new Map<string, InboxChannel | undefined>();
  for (const id of new Set(chunk.map((e) => e.channelId))) {
    try {
      channels.set(id, await deps.channelOf(id));
    } catch (err) {
      for (const entry of chunk.filter((e) => e.channelId === id)) failures.push([entry, err]);
    }
  }
  const routable = chunk.filter((e) => channels.has(e.channelId));
  await prepareRobot(engine, routable);
  // What the units collect is kept inside the body: an adapter may run the body again (units and all)
  // after a conflict, and only the attempt that committed counts.
  const body = async (uow: UnitOfWork) => {
    const done = { notices: [] as EngineNotice[], enqueued: false, webhooks: false, failures: [] as InboxFailure[] };
    for (const entry of routable) {
      try {
        const unit = await uow.run((tx) => entryUnit(deps, tx, entry, channels.get(entry.channelId)));
        done.notices.push(...unit.w.notices);
        done.enqueued ||= unit.enqueued;
        done.webhooks ||= unit.webhooks === true;
      } catch (err) {
        done.failures.push([entry, err]);
      }
    }
    return done;
  };
  // A batch that fails as a whole (nothing committed) fails the pass: its entries are found again.
  const done = engine.uow.batch ? await engine.uow.batch(body, batchHint(routable)) : await body(engine.uow);
  const { notices, enqueued, webhooks } = done;
  failures.push(...done.failures);
  await afterCommit(engine, notices, enqueued, webhooks); // listeners must find what they are told about
  return failures;
}

/** Who each entry's unit will look up first (its sender, its MsgId), for the adapter to read ahead. */
function batchHint(entries: readonly InboxEntry[]): BatchHint {
  return {
    pushes: entries.flatMap(({ channelId, message: m }) => {
      const openid = m.type === 'unknown' ? undefined : m.fromUserName;
      if (openid === undefined) return [];
      return [{ channelId, openid, ...(isCustomerMessage(m) && { wechatMsgId: m.msgId }) }];
    }),
  };
}

/** Lets the robot prepare the chunk's customer questions, concurrently, each within the robot's own budget. */
async function prepareRobot(engine: EngineDeps, entries: readonly InboxEntry[]): Promise<void> {
  const prepare = engine.robot.prepare?.bind(engine.robot);
  if (!prepare) return;
  const asked = entries.flatMap((e) => {
    const m = e.message;
    const text = m.type === 'text' ? m.content : m.type === 'voice' ? m.recognition : undefined;
    return text === undefined ? [] : [prepare(e.channelId, undefined, text).catch(() => undefined)];
  });
  await Promise.all(asked); // the merchant is decided inside the unit; merchants share the channel's settings
}

/** One entry's unit: routed to its story, then marked done. */
async function entryUnit(deps: InboxDeps, tx: Transaction, entry: InboxEntry, channel: InboxChannel | undefined): Promise<OpenUnit> {
  const unit = openUnit(deps.engine, tx);
  if (channel !== undefined) await routeEntry(deps, unit.w, entry, channel);
  await deps.inbox.markDone(entry.id, deps.engine.clock.now());
  await closeUnit(unit);
  return unit;
}

/** Hands the push to the story it is for; unknown pushes and other events are kept, with nothing to do. */
async function routeEntry(deps: InboxDeps, w: Work, entry: InboxEntry, channel: InboxChannel): Promise<void> {
  const base = { channelId: entry.channelId, channelKind: channel.kind };
  const m = entry.message;
  if (isCustomerMessage(m)) {
    await handleCustomerMessage(deps.engine, w, { ...base, push: m }, deps.wechatAgents);
  } else if (m.type === 'user_enter_tempsession') {
    const unionId = unionIdReading(m, channel);
    await customerEnteredSessionIn(deps.engine, w, {
      ...base,
      openid: m.fromUserName,
      context: m.context,
      ...(unionId !== undefined && { unionId }),
    });
  } else if (m.type === 'subscribe' || m.type === 'unsubscribe' || m.type === 'scan' || m.type === 'click') {
    const action = m.type === 'click' ? 'menu_click' : m.type;
    await recordCustomerActionIn(w, { ...base, openid: m.fromUserName, action });
  }
}

/** The session-from's UnionID read for the pushing customer (a token bound to another openid is a replay). */
function unionIdReading(message: InboundMessage, channel: InboxChannel): UnionIdTokenReading | undefined {
  if (message.type !== 'user_enter_tempsession' || message.context.kind !== 'sobot') return undefined;
  const token = message.context.fields.unionId;
  if (token === undefined || channel.unionIdKey === undefined) return undefined;
  try {
    return readUnionIdToken(token, channel.unionIdKey, message.fromUserName);
  } catch {
    return undefined; // a key we cannot use reads nothing; the rest of the context still counts
  }
}
