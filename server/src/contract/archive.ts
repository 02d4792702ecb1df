// Archive, unarchive and delete (app/admin/archive.ts): the list filter, what refers to a record, and
// the answer of an archive.
import { z } from 'zod';
import { epochMs, id } from './common';

export const archivedFilter = z
  .enum(['exclude', 'include', 'only'])
  .default('exclude')
  .describe('archived records: hidden by default; "include" lists them too, "only" lists only them');

export const dependents = z
  .object({
    conversations: z.int(),
    leftMessages: z.int(),
    messages: z.int(),
    members: z.int(),
    agents: z.int(),
    groups: z.int(),
    calendars: z.int(),
    merchants: z.int(),
    customers: z.int(),
    routingSettings: z.int(),
    logins: z.int(),
  })
  .partial()
  .describe('what still refers to the record, each kind with its count (kinds with none are absent); a delete is refused while any is');

export const archiveResult = z.object({
  kind: z.enum(['agent', 'group', 'calendar', 'merchant', 'channel']),
  id,
  archivedAt: epochMs.nullable(),
  moved: z
    .array(z.object({ conversationId: id, state: z.string(), agentId: id.optional() }))
    .optional()
    .describe('archiving an agent or a group: the conversations that moved on, and where'),
});
