// Logins, API tokens and accounts.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../app/auth/password-rules';
import { epochMs, id, name } from './common';

export const role = z.enum(['platform_admin', 'merchant_admin', 'supervisor', 'agent']);
export const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only');

/** Up to one agent record per channel; more than this many channels for one person is a mistake. */
export const MAX_AGENT_SEATS = 20;

const agentIds = z
  .array(id)
  .min(1)
  .max(MAX_AGENT_SEATS)
  .describe('every agent record the login works as, one per channel (agentId among them); the workbench switches between their channels');

/**
 * role + the scope it needs: a merchant admin names channel and merchant, a supervisor its channel and
 * optionally one merchant (none: the whole channel), an agent its agent record(s).
 */
export const grantInput = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('platform_admin') }),
  z.strictObject({ role: z.literal('merchant_admin'), channelId: id, merchantId: id }),
  z.strictObject({ role: z.literal('supervisor'), channelId: id, merchantId: id.optional() }),
  z.strictObject({ role: z.literal('agent'), agentId: id, agentIds: agentIds.optional() }),
]);

const seat = z.object({ agentId: id, channelId: id, merchantId: id.optional() });

export const loginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) });

export const principal = z.object({
  role,
  channelId: id.optional(),
  merchantId: id.optional(),
  agentId: id.optional(),
  seats: z.array(seat).optional().describe('an agent: every agent record of the login, one per channel; send X-Kefu-Channel to act in one'),
  via: z.object({ kind: z.enum(['token', 'session']), tokenId: id.optional(), accountId: id.optional() }),
});

export const loginAnswer = z.object({
  token: z.string().describe('a session token: send as Authorization: Bearer …'),
  expiresAt: epochMs,
  principal,
});

const grantView = z.object({
  role,
  channelId: id.optional(),
  merchantId: id.optional(),
  agentId: id.optional(),
  agentIds: z.array(id).optional(),
});

export const tokenCreate = z.strictObject({ name, grant: grantInput });
export const tokenView = z.object({
  id,
  name,
  grant: grantView,
  createdAt: epochMs,
  lastUsedAt: epochMs.optional(),
  revokedAt: epochMs.optional(),
});
export const tokenCreated = tokenView.extend({ token: z.string().describe('shown once; only its hash is kept') });

export const accountCreate = z.strictObject({ username, password, grant: grantInput });
export const accountGrantBody = z.strictObject({ grant: grantInput });
export const accountView = z.object({ id, username, grant: grantView, createdAt: epochMs, passwordChangedAt: epochMs });
export const passwordBody = z.strictObject({ password });
export const ownPasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: password });
