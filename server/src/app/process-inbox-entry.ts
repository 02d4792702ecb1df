// Story: the worker takes one stored push and hands it to the use case it is for — a customer message,
// the customer entering the chat (with the UnionID from the session-from decrypted), an official-account
// action that opens WeChat's window — and marks the entry done in the same unit of work, so that each
// push is processed exactly once even if the process stops between two steps.
import { decryptUnionId } from '../../../shared/src/index';
import type { ChannelKind } from '../core/channel';
import { isCustomerMessage } from '../core/conversation/inbound-content';
import type { InboundMessage } from '../core/inbound-message';
import type { Inbox, InboxEntry } from '../core/ports/inbox';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { customerEnteredSession } from './customer-entered-session';
import { recordCustomerAction } from './record-customer-action';
import type { EngineDeps } from './support/engine-deps';
import type { DeskOptions } from './wechat-agent/desk-session';
import { handleWeChatMessage } from './wechat-agent/handle-wechat-message';

export interface InboxChannel {
  kind: ChannelKind;
  /** The channel's UnionID key, to read the encrypted UnionID of a session-from. */
  unionIdKey?: string;
}

export interface InboxDeps {
  engine: EngineDeps;
  inbox: Inbox;
  channelOf(channelId: string): Promise<InboxChannel | undefined>;
  /** Issue 7: what agents answering from WeChat may use (the knowledge base). */
  desk?: DeskOptions;
}

export type ProcessOutcome = 'handled' | 'ignored';

/** The engine, with the entry marked done inside the first unit of work the story runs. */
function markingDone(deps: InboxDeps, entry: InboxEntry): EngineDeps {
  let marked = false;
  const uow: UnitOfWork = {
    run: (work) =>
      deps.engine.uow.run(async (tx) => {
        const result = await work(tx);
        if (!marked) await deps.inbox.markDone(entry.id, deps.engine.clock.now());
        marked = true;
        return result;
      }),
  };
  return { ...deps.engine, uow };
}

function plainUnionId(message: InboundMessage, channel: InboxChannel): string | undefined {
  if (message.type !== 'user_enter_tempsession' || message.context.kind !== 'sobot') return undefined;
  const cipher = message.context.fields.unionId;
  if (cipher === undefined || channel.unionIdKey === undefined) return undefined;
  try {
    return decryptUnionId(cipher, channel.unionIdKey);
  } catch {
    return undefined; // a UnionID we cannot read is no identity; the rest of the context still counts
  }
}

export async function processInboxEntry(deps: InboxDeps, entry: InboxEntry): Promise<ProcessOutcome> {
  const channel = await deps.channelOf(entry.channelId);
  const engine = markingDone(deps, entry);
  const base = { channelId: entry.channelId, channelKind: channel?.kind ?? 'miniprogram' };
  const m = entry.message;
  if (channel !== undefined && isCustomerMessage(m)) {
    // A customer's message, or an agent's when the openid is bound to one (issue 7).
    await handleWeChatMessage(engine, { ...base, push: m }, deps.desk);
  } else if (channel !== undefined && m.type === 'user_enter_tempsession') {
    const unionId = plainUnionId(m, channel);
    await customerEnteredSession(engine, { ...base, openid: m.fromUserName, context: m.context, ...(unionId !== undefined && { unionId }) });
  } else if (channel !== undefined && (m.type === 'subscribe' || m.type === 'scan' || m.type === 'click')) {
    const action = m.type === 'click' ? 'menu_click' : m.type;
    await recordCustomerAction(engine, { ...base, openid: m.fromUserName, action });
  } else {
    // Unknown pushes, other events, a channel deleted meanwhile: kept in the inbox, nothing to do.
    await engine.uow.run(async () => undefined);
    return 'ignored';
  }
  return 'handled';
}
