// The routing settings as form fields, grouped as an admin thinks of them; the kinds, ranges and options
// follow server/src/contract/settings.ts. A field left empty is not stored at this level, so the
// level above (or the default) applies.
import type { SettingsPatch } from '../../api/types';

export type SettingKey = Exclude<keyof SettingsPatch, 'messages'>;
export type MessageKey = keyof NonNullable<SettingsPatch['messages']>;

export type FieldSpec =
  | { key: SettingKey; kind: 'enum'; options: readonly string[] }
  | { key: SettingKey; kind: 'bool' }
  | { key: SettingKey; kind: 'int'; min: number; max: number; unit?: 'minutes' }
  | { key: SettingKey; kind: 'text' | 'list' | 'group' | 'calendar' };

const MINUTES_MAX = 7 * 24 * 60;

export const SETTING_GROUPS: ReadonlyArray<{
  group: 'reception' | 'assignment' | 'queue' | 'notices' | 'timers' | 'quota';
  fields: FieldSpec[];
}> = [
  {
    group: 'reception',
    fields: [
      { key: 'receptionMode', kind: 'enum', options: ['agents_only', 'robot_first', 'robot_only'] },
      { key: 'defaultRobotId', kind: 'text' },
      { key: 'transferKeywords', kind: 'list' },
      { key: 'robotWhileQueued', kind: 'bool' },
      { key: 'callAgentByName', kind: 'bool' },
      { key: 'language', kind: 'enum', options: ['zh-CN', 'en'] },
    ],
  },
  {
    group: 'assignment',
    fields: [
      { key: 'assignment', kind: 'enum', options: ['least_loaded', 'round_robin'] },
      { key: 'lastAgentMode', kind: 'bool' },
      { key: 'defaultGroupId', kind: 'group' },
      { key: 'calendarId', kind: 'calendar' },
      { key: 'onAgentOffline', kind: 'enum', options: ['reassign', 'keep'] },
      { key: 'colleaguesConversations', kind: 'enum', options: ['read_only', 'hidden'] },
    ],
  },
  {
    group: 'queue',
    fields: [
      { key: 'maxQueueLength', kind: 'int', min: 0, max: 10_000 },
      { key: 'queueTimeoutMinutes', kind: 'int', min: 0, max: MINUTES_MAX, unit: 'minutes' },
      { key: 'queueClosesWithWorkTime', kind: 'bool' },
      { key: 'announceAssignment', kind: 'bool' },
      { key: 'announceQueuePosition', kind: 'bool' },
    ],
  },
  {
    group: 'notices',
    fields: [
      { key: 'sendWelcome', kind: 'bool' },
      { key: 'announcePreviousAgent', kind: 'bool' },
      { key: 'csat', kind: 'enum', options: ['off', 'on', 'after_agent'] },
    ],
  },
  {
    group: 'timers',
    fields: [
      { key: 'customerSilenceMinutes', kind: 'int', min: 0, max: MINUTES_MAX, unit: 'minutes' },
      { key: 'silenceWarningMinutes', kind: 'int', min: 0, max: MINUTES_MAX, unit: 'minutes' },
      { key: 'agentNoReplyMinutes', kind: 'int', min: 0, max: MINUTES_MAX, unit: 'minutes' },
      { key: 'robotIdleMinutes', kind: 'int', min: 0, max: MINUTES_MAX, unit: 'minutes' },
    ],
  },
  { group: 'quota', fields: [{ key: 'quotaReservedForAgents', kind: 'int', min: 0, max: 5 }] },
];

export const MESSAGE_KEYS: readonly MessageKey[] = [
  'queuePosition',
  'queueFull',
  'assigned',
  'offHours',
  'nobodyAvailable',
  'leaveMessagePrompt',
  'leaveMessageReceived',
  'silenceWarning',
  'sessionClosing',
  'robotNoAnswer',
  'robotOnlyNoAnswer',
  'merchantAnnouncement',
  'welcome',
  'previousAgent',
  'transferredToAgent',
  'transferred',
  'csatRequest',
  'csatThanks',
];

/** The form's state: every field as text, '' = not stored at this level. */
export type Draft = Record<string, string>;

export function draftOf(stored: SettingsPatch | undefined): Draft {
  const d: Draft = {};
  for (const { fields } of SETTING_GROUPS) {
    for (const f of fields) {
      const v = stored?.[f.key];
      d[f.key] = v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  for (const k of MESSAGE_KEYS) d[`messages.${k}`] = stored?.messages?.[k] ?? '';
  return d;
}

/** The patch to store, or the first field that is out of range. */
export function patchOf(d: Draft): { patch: SettingsPatch } | { bad: FieldSpec & { kind: 'int' } } {
  const patch: Record<string, unknown> = {};
  for (const { fields } of SETTING_GROUPS) {
    for (const f of fields) {
      const raw = (d[f.key] ?? '').trim();
      if (raw === '') continue;
      if (f.kind === 'int') {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < f.min || n > f.max) return { bad: f };
        patch[f.key] = n;
      } else if (f.kind === 'bool') patch[f.key] = raw === 'true';
      else if (f.kind === 'list')
        patch[f.key] = raw
          .split(/[\n,，]/)
          .map((s) => s.trim())
          .filter(Boolean);
      else patch[f.key] = raw;
    }
  }
  const messages: Record<string, string> = {};
  for (const k of MESSAGE_KEYS) {
    const text = (d[`messages.${k}`] ?? '').trim();
    if (text) messages[k] = text;
  }
  if (Object.keys(messages).length > 0) patch.messages = messages;
  return { patch: patch as SettingsPatch };
}
