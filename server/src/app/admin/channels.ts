// Channels: platform admins (and the operator, and the channels file) create, change and delete them;
// everyone reads the channel they work in. Answers carry channels through publicChannel only, so no
// secret leaves.
import { publicChannel, type ChannelRecord, type PublicChannel } from '../../core/ports/channel-store';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, notFound } from '../errors';
import type { AdminDeps } from './admin-deps';
import { recordChange, type AuditDeps } from '../support/audit';
import { channelChange } from './channel-audit';
import { withGrace, withoutExpiredGrace, withReplayDefault } from './channel-changes';
import { channelInReach } from './reach';
import { deleteRecord } from './archive';

export type NewChannel = Omit<ChannelRecord, 'createdAt' | 'updatedAt' | 'previous' | 'lastVerifiedAt' | 'lastPushAt'>;

/** A change of a channel: optional fields' null removes, undefined keeps, a value replaces. */
export type ChannelChange = { [K in keyof NewChannel]?: NewChannel[K] | null | undefined };

interface Rules {
  kind?: string | undefined;
  format?: string | undefined;
  mode?: string | undefined;
  encodingAesKey?: string | undefined;
}

/** The rules across fields, checked on the whole channel (after an update is merged too). */
export function channelProblems(c: Rules): string[] {
  const problems: string[] = [];
  if (c.mode !== 'plaintext' && c.encodingAesKey === undefined)
    problems.push('body.encodingAesKey: compatible and secure mode need an EncodingAESKey');
  if (c.kind === 'official_account' && c.format === 'json') problems.push('body.format: official accounts push XML only');
  return problems;
}

function mustBeConsistent(c: ChannelRecord): void {
  const problems = channelProblems(c);
  if (problems.length > 0) throw badRequest(problems.join('; '));
}

function merge(current: ChannelRecord, patch: ChannelChange): ChannelRecord {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as unknown as ChannelRecord;
}

/**
 * Platform admins see every channel; an agent of several channels each of them (the workbench's channel
 * switcher); everyone else the one they work in. A grace period that is over shows as none.
 */
export async function listChannels(deps: AdminDeps, p: Principal): Promise<ChannelRecord[]> {
  const now = deps.clock.now();
  const all = (await deps.channels.list()).map((c) => withoutExpiredGrace(c, now));
  if (p.role === 'platform_admin') return all;
  const mine = new Set(p.role === 'agent' && p.seats ? p.seats.map((s) => s.channelId) : [p.channelId]);
  return all.filter((c) => mine.has(c.id));
}

/** `p`: the person creating it, recorded in the audit log (absent: an authorization of the open platform). */
export async function createChannel(
  deps: Pick<AdminDeps, 'channels' | 'clock'> & Partial<AuditDeps>,
  input: NewChannel,
  p?: Principal,
): Promise<PublicChannel> {
  if (await deps.channels.get(input.id)) throw conflict('channel_exists', `channel ${input.id} exists`);
  const now = deps.clock.now();
  const record: ChannelRecord = withReplayDefault({ ...input, createdAt: now, updatedAt: now }, false);
  mustBeConsistent(record);
  await deps.channels.save(record);
  if (p) await recordChange(deps, p, channelChange('create', undefined, record));
  return publicChannel(record);
}

/** A grace period that is over shows as none (it is dropped from storage at the next change). */
export const readChannel = async (deps: AdminDeps, p: Principal, channelId: string): Promise<PublicChannel> =>
  publicChannel(withoutExpiredGrace(await channelInReach(deps, p, channelId), deps.clock.now()));

export async function changeChannel(deps: AdminDeps, p: Principal, channelId: string, change: ChannelChange): Promise<PublicChannel> {
  const current = await channelInReach(deps, p, channelId);
  const now = deps.clock.now();
  // The default window comes with a switch to plaintext, unless the admin set one (or none: null).
  const switchedToPlaintext = change.mode === 'plaintext' && current.mode !== 'plaintext';
  const merged = withReplayDefault(
    { ...merge(current, change), updatedAt: now },
    !switchedToPlaintext || change.replayWindowSeconds !== undefined,
  );
  const next = withGrace(current, withoutExpiredGrace(merged, now), now);
  mustBeConsistent(next);
  await deps.channels.save(next);
  await recordChange(deps, p, channelChange('change', current, next));
  return publicChannel(next);
}

/** Refused (409 in_use) while anything refers to the channel: app/admin/archive.ts. */
export async function deleteChannel(deps: AdminDeps, p: Principal, channelId: string): Promise<void> {
  await deleteRecord(deps, p, 'channel', channelId);
}

/**
 * The channels file at start-up: channels missing from the store are created; existing ones (maybe
 * edited since) are left alone. Answers the ids created.
 */
export async function addMissingChannels(deps: Pick<AdminDeps, 'channels' | 'clock'>, channels: readonly NewChannel[]): Promise<string[]> {
  const created: string[] = [];
  for (const c of channels) {
    if (await deps.channels.get(c.id)) continue;
    const now = deps.clock.now();
    await deps.channels.save(withReplayDefault({ ...c, createdAt: now, updatedAt: now }, false));
    created.push(c.id);
  }
  return created;
}

/** The channel of a record the caller already reached (404 when it is gone). */
export async function channelOf(deps: Pick<AdminDeps, 'channels'>, channelId: string): Promise<ChannelRecord> {
  const channel = await deps.channels.get(channelId);
  if (!channel) throw notFound(`channel ${channelId}`);
  return channel;
}
