// Archive, unarchive and delete agents, skill groups, work calendars, merchants and channels: the one set
// of rules the REST API and the command line share.
//
// Archived records keep their history (past conversations still name the agent, reports still count
// them) and are hidden from the default lists (archived-filter.ts) and from routing (routing-context.ts):
// - an agent goes offline, is never assigned nor chosen by a transfer, and its logins are refused (403);
//   its assigned conversations and those queued for it by name move on as when an agent goes offline;
// - a group is never chosen by flowGroupId, a transfer_action or a default-group setting (routing falls
//   back to the merchant's pool, as for a group that no longer exists); its queue moves on;
// - a calendar no longer applies: a group whose own calendar is archived follows the settings' calendar
//   (its own overrides', else the merchant's, else the channel's); a settings calendar that is archived
//   counts as none, i.e. always work time, so customers are never turned away by a calendar nobody sees;
// - a merchant's customerCode no longer selects it: new customers reach the platform's own team; its
//   open conversations carry on, and its admins and agents keep reading its history;
// - a channel only leaves the default lists. WeChat keeps pushing to the URL in its console, so pushes
//   are verified, stored, acknowledged and answered exactly as before: nothing is ever lost. Archiving is
//   refused while the channel is live (open conversations, or a push within the last day), which tells the
//   admin to point WeChat's console elsewhere first.
// Deleting is refused (409 in_use, with each kind of dependent and its count) while anything refers to
// the record (archive-dependents.ts). A deleted agent leaves its logins: a login with seats in other
// channels keeps them, one left with none goes (removeLogins).
import { mustAdminister, mustHaveRole } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { ApiError, conflict, notFound } from '../errors';
import { recordChange } from '../support/audit';
import { inUnit, type UnitDeps } from '../support/engine-deps';
import { grantAgentIds } from '../../core/ports/auth';
import type { ChannelRecord } from '../../core/ports/channel-store';
import type { AdminDeps } from './admin-deps';
import { countDependents, describeDependents, type ArchiveKind, type Dependents } from './archive-dependents';
import { heldByAgent, moveOn, queuedForGroup, type MovedConversation } from './archive-requeue';
import { accountChange } from './accounts';
import { channelChange } from './channel-audit';
import { normalGrant } from './grant-rules';
import { channelInReach, recordInReach } from './reach';

export type { ArchiveKind, Dependents } from './archive-dependents';

/** A delete refused: `dependents` says what still refers to the record (the error handler answers it). */
export class InUse extends ApiError {
  constructor(
    what: string,
    readonly dependents: Dependents,
  ) {
    super(409, 'in_use', `${what} is still in use: ${describeDependents(dependents)}`);
  }
}

/** A channel that pushed within this long is live: archiving it is refused. */
export const LIVE_CHANNEL_MS = 24 * 60 * 60_000;

export interface ArchiveResult {
  kind: ArchiveKind;
  id: string;
  archivedAt: number | null;
  /** Archiving an agent or a group: the conversations that moved on, and where. */
  moved?: MovedConversation[];
}

const TABLE = { agent: 'agents', group: 'groups', calendar: 'calendars', merchant: 'merchants' } as const;

/** What archiving reads of a record: whether it is archived, and where it lives (for the audit log). */
interface Managed {
  id: string;
  archivedAt?: number | undefined;
  channelId?: string;
  merchantId?: string | undefined;
}

/** Archive, unarchive and delete go to the audit log as `<kind>.archive` etc., with the record as it was before a delete. */
function recordArchiving(deps: AdminDeps, p: Principal, kind: ArchiveKind, record: Managed, verb: string, before: unknown, after: unknown) {
  return recordChange(deps, p, {
    action: `${kind}.${verb}`,
    targetType: kind,
    targetId: record.id,
    channelId: kind === 'channel' ? record.id : record.channelId,
    merchantId: kind === 'merchant' ? record.id : record.merchantId,
    before,
    after,
  });
}

/** The record or 404/403: agents, groups and calendars by their merchant's admins; merchants and channels by platform admins. */
async function mustManage(deps: AdminDeps, p: Principal, kind: ArchiveKind, id: string): Promise<Managed> {
  if (kind === 'channel') {
    mustHaveRole(p, ['platform_admin']);
    return channelInReach(deps, p, id);
  }
  if (kind === 'merchant') mustHaveRole(p, ['platform_admin']);
  const record = await recordInReach(deps, p, TABLE[kind], id);
  if (kind !== 'merchant') mustAdminister(p, record as { channelId: string; merchantId?: string }, `${kind} ${id}`);
  return record;
}

/** What refers to the record: what a delete would be refused for (the console asks before offering it). */
export async function dependentsOf(deps: AdminDeps, p: Principal, kind: ArchiveKind, id: string): Promise<Dependents> {
  await mustManage(deps, p, kind, id);
  return countDependents(deps, kind, id);
}

export async function archiveRecord(
  deps: AdminDeps,
  engine: UnitDeps,
  p: Principal,
  kind: ArchiveKind,
  id: string,
): Promise<ArchiveResult> {
  const current = await mustManage(deps, p, kind, id);
  if (current.archivedAt !== undefined) return { kind, id, archivedAt: current.archivedAt };
  const result = await archiveNow(deps, engine, kind, id, deps.clock.now());
  await recordArchiving(deps, p, kind, current, 'archive', { archivedAt: null }, { archivedAt: result.archivedAt });
  return result;
}

async function archiveNow(deps: AdminDeps, engine: UnitDeps, kind: ArchiveKind, id: string, now: number): Promise<ArchiveResult> {
  if (kind === 'channel') return archiveChannel(deps, id, now);
  if (kind === 'agent') return { kind, id, archivedAt: now, moved: await archiveAgent(engine, id) };
  if (kind === 'group') return { kind, id, archivedAt: now, moved: await archiveGroup(engine, id) };
  await setArchivedAt(deps, kind, id, now);
  return { kind, id, archivedAt: now };
}

export async function unarchiveRecord(deps: AdminDeps, p: Principal, kind: ArchiveKind, id: string): Promise<ArchiveResult> {
  const current = await mustManage(deps, p, kind, id);
  if (kind === 'channel') {
    const channel = await deps.channels.get(id);
    if (channel) {
      const { archivedAt: _a, ...rest } = channel;
      await deps.channels.save({ ...rest, updatedAt: deps.clock.now() });
    }
  } else await setArchivedAt(deps, kind, id, undefined);
  if (current.archivedAt !== undefined)
    await recordArchiving(deps, p, kind, current, 'unarchive', { archivedAt: current.archivedAt }, { archivedAt: null });
  return { kind, id, archivedAt: null };
}

export async function deleteRecord(deps: AdminDeps, p: Principal, kind: ArchiveKind, id: string): Promise<void> {
  const current = await mustManage(deps, p, kind, id);
  const dependents = await countDependents(deps, kind, id);
  if (Object.keys(dependents).length > 0) throw new InUse(`${kind} ${id}`, dependents);
  if (kind === 'channel') await deps.channels.delete(id);
  else {
    await deps.uow.run((tx) => tx[TABLE[kind]].remove(id));
    if (kind === 'agent') await removeLogins(deps, p, current);
  }
  const before = kind === 'channel' ? channelChange('delete', current as ChannelRecord, undefined).before : current;
  await recordArchiving(deps, p, kind, current, 'delete', before, undefined);
}

async function setArchivedAt(deps: AdminDeps, kind: Exclude<ArchiveKind, 'channel'>, id: string, at: number | undefined): Promise<void> {
  await deps.uow.run(async (tx) => {
    const repo = tx[TABLE[kind]] as unknown as {
      get(id: string): Promise<{ archivedAt?: number } | undefined>;
      save(r: object): Promise<void>;
    };
    const fresh = await repo.get(id);
    if (!fresh) throw notFound(`${kind} ${id}`);
    const { archivedAt: _a, ...rest } = fresh;
    await repo.save(at === undefined ? rest : { ...rest, archivedAt: at });
  });
}

/** Offline and archived in the same unit that moves its conversations on, so routing never sees it again. */
function archiveAgent(engine: UnitDeps, agentId: string): Promise<MovedConversation[]> {
  return inUnit(engine, async (w) => {
    const agent = await w.tx.agents.get(agentId);
    if (!agent) throw notFound(`agent ${agentId}`);
    await w.tx.agents.save({ ...agent, status: 'offline', statusChangedAt: w.now, archivedAt: w.now });
    const scope = { channelId: agent.channelId, ...(agent.merchantId !== undefined && { merchantId: agent.merchantId }) };
    w.notices.push({ type: 'agent_changed', ...scope, agentId, status: 'offline' });
    return moveOn(w, scope, await heldByAgent(w, agent), agentId);
  });
}

function archiveGroup(engine: UnitDeps, groupId: string): Promise<MovedConversation[]> {
  return inUnit(engine, async (w) => {
    const group = await w.tx.groups.get(groupId);
    if (!group) throw notFound(`group ${groupId}`);
    await w.tx.groups.save({ ...group, archivedAt: w.now });
    return moveOn(w, group, await queuedForGroup(w, group), undefined);
  });
}

async function archiveChannel(deps: AdminDeps, id: string, now: number): Promise<ArchiveResult> {
  const channel = await deps.channels.get(id);
  if (!channel) throw notFound(`channel ${id}`);
  const open = await deps.uow.run((tx) => tx.conversations.listOpen(id));
  if (open.length > 0)
    throw conflict('channel_live', `channel ${id} has ${open.length} open conversation(s); end them before archiving it`);
  if (channel.lastPushAt !== undefined && now - channel.lastPushAt < LIVE_CHANNEL_MS)
    throw conflict(
      'channel_live',
      `WeChat pushed to channel ${id} within the last day; point WeChat's console elsewhere before archiving it`,
    );
  await deps.channels.save({ ...channel, archivedAt: now, updatedAt: now });
  return { kind: 'channel', id, archivedAt: now };
}

/**
 * A deleted agent leaves every login it was a seat of: a login linked to several agents (one per channel)
 * keeps its other seats, the first remaining one becoming its agentId; a login left with none is removed.
 * Each changed or removed login goes to the audit log as an admin's own change of it would.
 */
async function removeLogins(deps: AdminDeps, p: Principal, agent: Managed): Promise<void> {
  const agentId = agent.id;
  for (const account of await deps.auth.stores.accounts.list()) {
    if (account.grant.role !== 'agent') continue;
    const seats = grantAgentIds(account.grant);
    if (!seats.includes(agentId)) continue;
    const rest = seats.filter((id) => id !== agentId);
    const [first] = rest;
    if (first === undefined) {
      await deps.auth.stores.accounts.remove(account.id);
      // Its agent is gone already: the login lived where that agent did.
      const place = { channelId: agent.channelId, merchantId: agent.merchantId };
      await recordChange(deps, p, { ...(await accountChange(deps, 'delete', account, undefined)), ...place });
      continue;
    }
    const grant = normalGrant({ role: 'agent', agentId: first, agentIds: rest });
    await deps.auth.stores.accounts.setGrant(account.id, grant);
    await recordChange(deps, p, await accountChange(deps, 'grant', account, { ...account, grant }));
  }
}
