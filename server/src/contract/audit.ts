// The audit log's query and answer: who changed what, when, before and after (secrets never stored).
import { z } from 'zod';
import { epochMs, id, queryInt } from './common';

const instant = queryInt(0, Number.MAX_SAFE_INTEGER);
const text = z.string().trim().min(1).max(100);

export const auditFilters = z.strictObject({
  channelId: id.optional().describe('only changes of this channel (merchant admins: always their own)'),
  actor: text.optional().describe('only changes by this account or token id; "operator" for the command line'),
  targetType: text.optional().describe('channel, settings, agent, group, calendar, merchant, account, token, knowledge_entry…'),
  action: text.optional().describe('e.g. group.change, channel.create, token.revoke'),
  from: instant.optional().describe('changes made at or after this instant (ms)'),
  to: instant.optional().describe('changes made at or before this instant (ms)'),
});

export const auditQuery = auditFilters.extend({
  cursor: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_.:-]+$/)
    .optional()
    .describe('the previous answer’s `next`: the page after it'),
  limit: queryInt(1, 200).default(50),
});

export const auditActor = z.object({
  kind: z.enum(['account', 'token', 'operator']),
  id: z.string().optional(),
  name: z.string().describe('the username or token name when the change was made; "command line" for the operator'),
  role: z.string(),
});

export const auditEntry = z.object({
  id: z.string(),
  at: epochMs,
  actor: auditActor,
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  channelId: z.string().optional(),
  merchantId: z.string().optional(),
  before: z.unknown().optional().describe('the target before the change (absent on a create); secrets never'),
  after: z.unknown().optional().describe('the target after the change (absent on a delete); secrets never'),
});

export const auditPage = z.object({
  items: z.array(auditEntry).describe('newest first'),
  next: z.string().optional().describe('present when there may be more: pass it as `cursor`'),
});

export type AuditEntryView = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;
