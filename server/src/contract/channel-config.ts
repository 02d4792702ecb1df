// The channel configuration file (app/admin/channel-config-file.ts) as the API and the CLI read it: strict,
// so a field this version does not know (a secret pasted in by hand, a newer format) is refused by name
// instead of being dropped without a word.
import { z } from 'zod';
import { CHANNEL_CONFIG_FORMAT, CHANNEL_CONFIG_VERSION } from '../app/admin/channel-config-file';
import { calendarFields } from './team';
import { settingsPatch } from './settings';
import { id, name } from './common';

const code = z.string().trim().min(1).max(64);
const configSettings = settingsPatch.omit({ defaultGroupId: true, calendarId: true }).extend({
  defaultGroup: name.optional().describe('a skill group of the same level, by name'),
  calendar: name.optional().describe('a calendar of the same level, by name'),
});

const configChannel = z.strictObject({
  id: z.string().min(1).max(64),
  name,
  kind: z.enum(['miniprogram', 'official_account']),
  appId: z.string().max(64),
  originalId: z.string().max(64),
  mode: z.enum(['plaintext', 'compatible', 'secure']),
  format: z.enum(['xml', 'json']),
  tokenSource: z.enum(['stable', 'basic']),
  agentsSeeUnionId: z.boolean(),
  replayWindowSeconds: z
    .int()
    .min(10)
    .max(7 * 86_400)
    .nullable(),
  graceSeconds: z
    .int()
    .min(0)
    .max(7 * 86_400)
    .nullable(),
});

const merchantRef = code.nullable().describe('the merchant’s customerCode; null: the platform’s own');

export const channelConfigFile = z.strictObject({
  format: z.literal(CHANNEL_CONFIG_FORMAT, { error: `not a channel configuration file (format must be "${CHANNEL_CONFIG_FORMAT}")` }),
  version: z.literal(CHANNEL_CONFIG_VERSION, {
    error: `this server reads version ${CHANNEL_CONFIG_VERSION} of the channel configuration file`,
  }),
  exportedAt: z.string().max(64),
  channel: configChannel,
  settings: configSettings,
  merchants: z.array(z.strictObject({ code, name, settings: configSettings.optional() })).max(1000),
  calendars: z.array(calendarFields.extend({ merchant: merchantRef })).max(1000),
  groups: z
    .array(z.strictObject({ merchant: merchantRef, name, calendar: name.nullable(), settings: configSettings.optional() }))
    .max(1000),
});

const report = z.object({ created: z.array(z.string()), updated: z.array(z.string()) });
export const channelConfigImport = z.object({ channelId: id, merchants: report, calendars: report, groups: report });

const merchantCode = z.string().nullable();
export const channelSetup = z.object({
  channelId: id,
  appId: z.string(),
  pushUrl: z.string().nullable().describe('the push URL on the server’s public base URL (KEFU_PUBLIC_BASE_URL); null: not configured'),
  merchants: z.array(z.object({ id, code: z.string(), name: z.string() })),
  groups: z.array(z.object({ id, name: z.string(), merchantCode })),
  agents: z.array(z.object({ id, name: z.string(), merchantCode })),
});
