// Agents, skill groups, memberships, work calendars and merchants.
import { z } from 'zod';
import { isValidTimeZone } from '../core/work-time/zoned-time';
import { epochMs, id, name } from './common';
import { settingsPatch } from './settings';

export const agentStatus = z.enum(['online', 'busy', 'invisible', 'offline']);

export const agent = z.object({
  id,
  channelId: id,
  merchantId: id.optional(),
  name,
  status: agentStatus,
  maxConcurrent: z.int(),
  groupIds: z.array(id),
  statusChangedAt: epochMs.optional(),
  lastAssignedAt: epochMs.optional(),
  wechatOpenid: z.string().optional(),
  canActOnColleagues: z.boolean().optional(),
  archivedAt: epochMs.optional().describe('when an admin archived the agent (archive.ts)'),
});

const canActOnColleagues = z.boolean().describe('the agent may transfer and end colleagues’ conversations (admins only set it)');

const openid = z.string().min(1).max(128);

export const agentCreate = z.strictObject({
  merchantId: id.optional().describe('platform admins only; merchant admins always create in their own merchant'),
  name,
  maxConcurrent: z.int().min(1).max(100).default(5),
  groupIds: z.array(id).max(50).default([]),
  status: agentStatus.default('offline'),
  wechatOpenid: openid.optional(),
  canActOnColleagues: canActOnColleagues.optional(),
});

export const agentUpdate = z.strictObject({
  name: name.optional(),
  maxConcurrent: z.int().min(1).max(100).optional(),
  groupIds: z.array(id).max(50).optional(),
  wechatOpenid: openid.nullable().optional().describe('null removes it'),
  canActOnColleagues: canActOnColleagues.optional(),
});

export const statusChange = z.strictObject({ status: agentStatus });

export const group = z.object({
  id,
  channelId: id,
  merchantId: id.optional(),
  name,
  calendarId: id.optional(),
  settings: settingsPatch.optional(),
  archivedAt: epochMs.optional(),
});
export const groupCreate = z.strictObject({
  merchantId: id.optional(),
  name,
  calendarId: id.optional(),
  settings: settingsPatch.optional(),
});
export const groupUpdate = z.strictObject({
  name: name.optional(),
  calendarId: id.nullable().optional(),
  settings: settingsPatch.nullable().optional(),
});

const segment = z
  .strictObject({ start: z.int().min(0).max(1440), end: z.int().min(0).max(1440) })
  .refine((s) => s.start !== s.end, { message: 'a segment needs start ≠ end', params: { reason: 'empty_segment' } });
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date YYYY-MM-DD');

export const calendarFields = z.strictObject({
  name,
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, {
      message: 'an IANA time zone (Asia/Shanghai) or a fixed offset (+08:00, UTC)',
      params: { reason: 'time_zone' },
    }),
  workdays: z
    .array(z.int().min(0).max(6))
    .max(7)
    .refine((d) => new Set(d).size === d.length, { message: 'weekdays must not repeat', params: { reason: 'repeated' } }),
  workdaySegments: z.array(segment).max(4),
  nonWorkdaySegments: z.array(segment).max(4).default([]),
  holidays: z.array(localDate).max(400).default([]),
  makeUpWorkdays: z.array(localDate).max(400).default([]),
});

export const calendarCreate = calendarFields.extend({ merchantId: id.optional() });
export const calendar = z.object({ id, channelId: id, merchantId: id.optional(), ...calendarFields.shape, archivedAt: epochMs.optional() });

export const merchant = z.object({ id, channelId: id, code: z.string(), name, archivedAt: epochMs.optional() });
const code = z.string().trim().min(1).max(64).describe('platform_action.customerCode');
export const merchantCreate = z.strictObject({ code, name });
export const merchantUpdate = z.strictObject({ code: code.optional(), name: name.optional() });
