// Story: a customer opened the mini program's customer-service chat (user_enter_tempsession). WeChat
// allows two sends within a minute; the session-from says who they are and where they came from. We
// keep that context on the customer: their next messages go to the conversation with the merchant it
// names (the merchant switching rule: entering from another merchant's button switches merchants).
// Entering starts the conversation when none is open with that merchant: in agents mode it is routed
// right away (the transfer_action arrives with this event, and the customer hears "an agent is here"
// before typing); in robot modes the robot greets. Re-entering an open conversation starts nothing.
import type { DecodedSessionFrom, SessionFromFields, UnionIdTokenReading } from '../../../shared/src/index';
import type { ChannelKind } from '../core/channel';
import { withUnionId, type Customer, type SessionContext } from '../core/model/customer';
import { customerActing } from './support/customers';
import { openConversation } from '../core/conversation/transitions';
import type { Robot } from '../core/ports/robot';
import { inUnit, type EngineDeps, type Work } from './support/engine-deps';
import { greetRobotConversation, openingNotices, robotWelcome } from './support/notices';
import { routeToPerson } from './support/route-to-person';
import { loadRouting, type RoutingContext } from './support/routing-context';
import { saveConversation } from './support/send-to-customer';
import { withoutUnsafeCharacters } from '../core/safe-text';

export interface CustomerEnteredSession {
  channelId: string;
  channelKind: ChannelKind;
  openid: string;
  context: DecodedSessionFrom;
  /** The session-from's UnionID as read by the caller, who holds the channel's UnionID key. */
  unionId?: UnionIdTokenReading;
}

export interface EnteredSessionResult {
  customerId: string;
  /** The merchant the customer's messages will reach; undefined: the platform team. */
  merchantId?: string;
  /** Set when platform_action named a merchant we do not know (the platform team takes over). */
  unknownCustomerCode?: string;
}

export function customerEnteredSession(deps: EngineDeps, input: CustomerEnteredSession): Promise<EnteredSessionResult> {
  return inUnit(deps, (w) => customerEnteredSessionIn(deps, w, input));
}

/** The story inside the unit of work its push opened (process-inbox-entry.ts). */
export async function customerEnteredSessionIn(deps: EngineDeps, w: Work, input: CustomerEnteredSession): Promise<EnteredSessionResult> {
  const customer = await customerActing(w, input.channelId, input.channelKind, input.openid, 'enter_session');
  const fields = input.context.kind === 'sobot' ? input.context.fields : {};
  const session = await resolveContext(w, input.channelId, fields);
  const updated: Customer = { ...withClaimedUnionId(withProfile(customer, fields), input.unionId), session };
  await w.tx.customers.save(updated);
  await startOnEntry(deps.robot, w, updated, input.channelKind);
  const unknown = session.customerCode !== undefined && session.merchantId === undefined;
  return {
    customerId: updated.id,
    ...(session.merchantId !== undefined && { merchantId: session.merchantId }),
    ...(unknown && { unknownCustomerCode: session.customerCode }),
  };
}

async function startOnEntry(robot: Robot, w: Work, customer: Customer, kind: ChannelKind): Promise<void> {
  const merchantId = customer.session?.merchantId;
  const ctx = await loadRouting(w, customer.channelId, merchantId);
  if (ctx.settings.receptionMode !== 'agents_only') return greet(robot, w, customer, ctx);
  if (kind !== 'miniprogram' || (await w.tx.conversations.findOpen(customer.id, merchantId))) return;
  const c = openConversation({
    id: w.ids.next('conversation'),
    channelId: customer.channelId,
    ...(merchantId !== undefined && { merchantId }),
    customerId: customer.id,
    state: 'queued',
    now: w.now,
  });
  await saveConversation(w, c);
  await routeToPerson(w, c, customer, ctx, { before: await openingNotices(w, c, ctx.settings) });
}

/**
 * In a robot mode, the robot's welcome (引导语) greets the customer on entering — once per conversation,
 * never one a person already holds — in one send of the two WeChat allows within a minute of entering.
 */
async function greet(robot: Robot, w: Work, customer: Customer, ctx: RoutingContext): Promise<void> {
  const merchantId = customer.session?.merchantId;
  const open = await w.tx.conversations.findOpen(customer.id, merchantId);
  if (open && (open.greetedAt !== undefined || open.state !== 'bot')) return;
  const robotId = customer.session?.robotId ?? ctx.settings.defaultRobotId;
  const conversation =
    open ??
    openConversation({
      id: w.ids.next('conversation'),
      channelId: customer.channelId,
      ...(merchantId !== undefined && { merchantId }),
      customerId: customer.id,
      ...(robotId !== undefined && { robotId }),
      state: 'bot',
      now: w.now,
    });
  const welcome = robotWelcome(robot, conversation, customer, ctx.settings);
  if (welcome === undefined) return; // without a welcome entry, the conversation starts at the first message
  await greetRobotConversation(w, conversation, welcome, ctx.settings);
}

/** customerCode → a merchant of this channel, flowGroupId → one of that merchant's groups (archived ones not); anything else is dropped. */
async function resolveContext(w: Work, channelId: string, fields: SessionFromFields): Promise<SessionContext> {
  const code = fields.platformAction?.customerCode;
  // An archived merchant or group is no longer chosen (app/admin/archive.ts): the code or id is dropped.
  const found = code === undefined ? undefined : await w.tx.merchants.findByCode(channelId, code);
  const merchant = found?.archivedAt === undefined ? found : undefined;
  const groupId = fields.platformAction?.flowGroupId;
  const group = groupId === undefined ? undefined : await w.tx.groups.get(groupId);
  const groupFits =
    group && group.archivedAt === undefined && group.channelId === channelId && (group.merchantId ?? '') === (merchant?.id ?? '');
  return {
    enteredAt: w.now,
    ...(merchant && { merchantId: merchant.id }),
    ...(code !== undefined && { customerCode: code }),
    ...(groupFits && { groupId: group.id }),
    ...(fields.transferAction && { transferAction: fields.transferAction }),
    ...(fields.robotId !== undefined && { robotId: fields.robotId }),
  };
}

/**
 * A session-from's UnionID is only a claim: anyone holding the channel's UnionID key can write one. It is
 * kept as `claimed` (never over a verified one) when readable; a token bound to another customer's openid
 * (a replay) or one we cannot read is ignored, so nobody is linked to a UnionID shown to be someone else's.
 */
function withClaimedUnionId(c: Customer, reading: UnionIdTokenReading | undefined): Customer {
  if (reading?.kind !== 'bound' && reading?.kind !== 'unbound') return c;
  return withUnionId(c, reading.unionId, 'claimed');
}

/** What the session-from says about the customer replaces what we had; absent fields keep the old values. */
function withProfile(c: Customer, f: SessionFromFields): Customer {
  return {
    ...c,
    ...(f.nickname !== undefined && { nickname: withoutUnsafeCharacters(f.nickname) }),
    ...(f.avatarUrl !== undefined && { avatarUrl: f.avatarUrl }),
    ...(f.partnerId !== undefined && { partnerId: f.partnerId }),
    params: { ...c.params, ...f.params },
    customFields: { ...c.customFields, ...f.customerFields },
  };
}
