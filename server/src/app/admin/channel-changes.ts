// Changing a channel loses nothing: WeChat's console is saved after ours (or before), and a push that got
// an answer is never retried, so after a change of Token, EncodingAESKey or mode the previous values stay
// valid for the channel's grace period (the push path tries them after the current ones). The admin can
// end the grace period early once WeChat's console holds the new values.
import {
  DEFAULT_GRACE_SECONDS,
  DEFAULT_PLAINTEXT_REPLAY_WINDOW_SECONDS,
  previousInGrace,
  type PreviousPushSettings,
} from '../../core/channel';
import { type ChannelRecord, type PublicChannel, publicChannel } from '../../core/ports/channel-store';
import type { Principal } from '../auth/principal';
import type { AdminDeps } from './admin-deps';
import { recordChange } from '../support/audit';
import { channelChange } from './channel-audit';
import { channelInReach } from './reach';

function pushSettingsChanged(before: ChannelRecord, after: ChannelRecord): boolean {
  return before.token !== after.token || before.encodingAesKey !== after.encodingAesKey || before.mode !== after.mode;
}

/**
 * The channel after a change, with the push settings it replaced kept for the grace period. A change
 * during a grace period keeps the values just replaced (make the changes of one switch in one save).
 */
export function withGrace(before: ChannelRecord, after: ChannelRecord, nowMs: number): ChannelRecord {
  if (!pushSettingsChanged(before, after)) return after;
  const { previous: _p, ...rest } = after;
  const graceSeconds = after.graceSeconds ?? DEFAULT_GRACE_SECONDS;
  if (graceSeconds === 0) return rest;
  const previous: PreviousPushSettings = {
    token: before.token,
    ...(before.encodingAesKey !== undefined && { encodingAesKey: before.encodingAesKey }),
    mode: before.mode,
    until: nowMs + graceSeconds * 1000,
  };
  return { ...rest, previous };
}

/** A plaintext channel without a replay window gets the default one, unless `keep` (see the README's channel section). */
export function withReplayDefault<T extends Pick<ChannelRecord, 'mode' | 'replayWindowSeconds'>>(c: T, keep: boolean): T {
  if (c.mode !== 'plaintext' || c.replayWindowSeconds !== undefined || keep) return c;
  return { ...c, replayWindowSeconds: DEFAULT_PLAINTEXT_REPLAY_WINDOW_SECONDS };
}

/** Ends the grace period now: only the current push settings are accepted from here on. */
export async function endGrace(deps: AdminDeps, p: Principal, channelId: string): Promise<PublicChannel> {
  const current = await channelInReach(deps, p, channelId);
  if (current.previous === undefined) return publicChannel(current);
  const { previous: _p, ...rest } = current;
  const next: ChannelRecord = { ...rest, updatedAt: deps.clock.now() };
  await deps.channels.save(next);
  await recordChange(deps, p, { ...channelChange('change', current, next), action: 'channel.end_grace' });
  return publicChannel(next);
}

/** Drops previous settings whose grace period is over, so they are not kept longer than needed. */
export function withoutExpiredGrace(c: ChannelRecord, nowMs: number): ChannelRecord {
  if (c.previous === undefined || previousInGrace(c, nowMs) !== undefined) return c;
  const { previous: _p, ...rest } = c;
  return rest;
}
