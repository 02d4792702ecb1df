// A ready engine over in-memory ports, with builders for the records tests arrange. Shared by the tests
// of core and app, and by anyone testing on top of the use cases.
import type { DecodedSessionFrom, SessionFromFields } from '../../../../shared/src/index';
import { inUnit, type EngineDeps } from '../support/engine-deps';
import type { TextMessage } from '../../core/inbound-message';
import type { Agent } from '../../core/model/agent';
import type { RoutingSettingsPatch } from '../../core/model/routing-settings';
import type { SkillGroup } from '../../core/model/skill-group';
import type { WorkCalendar } from '../../core/model/work-calendar';
import type { RobotAnswer } from '../../core/ports/robot';
import type { ChannelKind } from '../../core/channel';
import type { Conversation } from '../../core/model/conversation';
import { customerEnteredSession, type EnteredSessionResult } from '../customer-entered-session';
import { handleCustomerMessage, type IncomingCustomerMessage, type WeChatMessageResult } from '../handle-customer-message';
import type { WeChatAgentOptions } from '../wechat-agent/session';
import { acceptSend } from '../../core/send-window/send-window';
import { InMemoryStore } from '../../core/testing/in-memory-store';
import { ManualClock, RecordingNotifier, ScriptedRobot, SequentialIds } from '../../core/testing/test-doubles';

export const CHANNEL = 'ch1';

export interface EngineFixture {
  deps: EngineDeps;
  store: InMemoryStore;
  clock: ManualClock;
  notifier: RecordingNotifier;
  robot: ScriptedRobot;
  agent(id: string, patch?: Partial<Agent>): Promise<Agent>;
  group(id: string, patch?: Partial<SkillGroup>): Promise<SkillGroup>;
  calendar(id: string, patch?: Partial<WorkCalendar>): Promise<WorkCalendar>;
  settings(patch: RoutingSettingsPatch, merchantId?: string): Promise<void>;
  merchant(id: string, code: string): Promise<void>;
  /** Texts sent to a customer (by openid), in order. */
  sentTexts(openid: string): string[];
  /** The customer `openid` writes `text`. */
  say(openid: string, text: string, kind?: ChannelKind): Promise<WeChatMessageResult>;
  /** The customer opens the chat with this session-from. */
  enter(openid: string, fields?: SessionFromFields): Promise<EnteredSessionResult>;
  conversation(id: string): Conversation;
}

export function engineFixture(robotAnswers: Record<string, RobotAnswer> = {}): EngineFixture {
  const store = new InMemoryStore();
  const clock = new ManualClock();
  const notifier = new RecordingNotifier();
  const robot = new ScriptedRobot(robotAnswers);
  const deps: EngineDeps = { uow: store, clock, ids: new SequentialIds(), notifier, robot };
  return {
    deps,
    store,
    clock,
    notifier,
    robot,
    async agent(id, patch = {}) {
      const a: Agent = { id, channelId: CHANNEL, name: `Agent ${id}`, status: 'online', maxConcurrent: 3, groupIds: [], ...patch };
      await store.tx.agents.save(a);
      return a;
    },
    async group(id, patch = {}) {
      const g: SkillGroup = { id, channelId: CHANNEL, name: `Group ${id}`, ...patch };
      await store.tx.groups.save(g);
      return g;
    },
    async calendar(id, patch = {}) {
      const c: WorkCalendar = {
        id,
        channelId: CHANNEL,
        name: id,
        timeZone: 'Asia/Shanghai',
        workdays: [1, 2, 3, 4, 5],
        workdaySegments: [{ start: 9 * 60, end: 18 * 60 }],
        nonWorkdaySegments: [],
        holidays: [],
        makeUpWorkdays: [],
        ...patch,
      };
      await store.tx.calendars.save(c);
      return c;
    },
    settings: (patch, merchantId) => store.tx.settings.save(CHANNEL, merchantId, patch),
    merchant: (id, code) => store.tx.merchants.save({ id, channelId: CHANNEL, code, name: `Shop ${code}` }),
    say: (openid, text, kind = 'miniprogram') =>
      messageInItsUnit(deps, { channelId: CHANNEL, channelKind: kind, push: textPush(openid, text) }),
    enter: (openid, fields = {}) => {
      acceptQueued(store);
      return customerEnteredSession(deps, { channelId: CHANNEL, channelKind: 'miniprogram', openid, context: sobotContext(fields) });
    },
    conversation: (id) => {
      const c = store.data.conversations.get(id);
      if (!c) throw new Error(`no conversation ${id}`);
      return c;
    },
    sentTexts: (openid) =>
      store.data.outbox
        .filter((o) => o.toOpenid === openid)
        .map((o) => (o.content.type === 'text' ? o.content.text : `[${o.content.type}]`)),
  };
}

/**
 * No sender runs here, but in production it delivers within milliseconds: by the time a customer acts
 * again, WeChat has accepted what was queued, so the window's held slots are spent (see send-window.ts).
 */
function acceptQueued(store: InMemoryStore): void {
  for (const [id, c] of store.data.customers) {
    let window = c.sendWindow;
    while (window?.pending) window = acceptSend(window);
    if (window !== c.sendWindow) store.data.customers.set(id, { ...c, ...(window && { sendWindow: window }) });
  }
}

/** A message from WeChat in a unit of work of its own, as the inbox gives each push one. */
export function messageInItsUnit(
  deps: EngineDeps,
  input: IncomingCustomerMessage,
  options?: WeChatAgentOptions,
): Promise<WeChatMessageResult> {
  if (deps.uow instanceof InMemoryStore) acceptQueued(deps.uow);
  return inUnit(deps, (w) => handleCustomerMessage(deps, w, input, options));
}

let msgCounter = 0;

/** A text push from `openid`; each call gets a new MsgId unless one is given. */
export function textPush(openid: string, content: string, msgId = `9${String(++msgCounter).padStart(18, '0')}`): TextMessage {
  return { type: 'text', toUserName: 'gh_test', fromUserName: openid, createTime: '1736000000', msgId, content };
}

export function sobotContext(fields: SessionFromFields): DecodedSessionFrom {
  return { kind: 'sobot', fields, truncated: false, lost: [], problems: [], raw: 'sobot|...' };
}
