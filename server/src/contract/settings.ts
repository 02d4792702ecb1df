// Routing and timer settings (core/model/routing-settings.ts) as the API accepts them: any subset.
import { z } from 'zod';
import { id } from './common';

const minutes = z
  .int()
  .min(0)
  .max(7 * 24 * 60);
const text = z.string().min(1).max(600);

export const routingMessagesPatch = z.strictObject({
  queuePosition: text.optional(),
  queueFull: text.optional(),
  assigned: text.optional(),
  offHours: text.optional(),
  nobodyAvailable: text.optional(),
  leaveMessagePrompt: text.optional(),
  leaveMessageReceived: text.optional(),
  silenceWarning: text.optional(),
  sessionClosing: text.optional(),
  robotNoAnswer: text.optional(),
  robotOnlyNoAnswer: text.optional(),
  merchantAnnouncement: text.optional(),
  welcome: text.optional(),
  previousAgent: text.optional(),
  transferredToAgent: text.optional(),
  transferred: text.optional(),
  csatRequest: text.optional(),
  csatThanks: text.optional(),
});

export const settingsPatch = z.strictObject({
  receptionMode: z.enum(['agents_only', 'robot_first', 'robot_only']).optional(),
  defaultRobotId: id.optional(),
  transferKeywords: z.array(z.string().trim().min(1).max(32)).max(50).optional(),
  robotWhileQueued: z.boolean().optional(),
  callAgentByName: z.boolean().optional(),
  assignment: z.enum(['least_loaded', 'round_robin']).optional(),
  lastAgentMode: z.boolean().optional(),
  defaultGroupId: id.optional(),
  calendarId: id.optional(),
  maxQueueLength: z.int().min(0).max(10_000).optional(),
  queueTimeoutMinutes: minutes.optional(),
  queueClosesWithWorkTime: z.boolean().optional(),
  announceAssignment: z.boolean().optional(),
  announceQueuePosition: z.boolean().optional(),
  customerSilenceMinutes: minutes.optional(),
  silenceWarningMinutes: minutes.optional(),
  agentNoReplyMinutes: minutes.optional(),
  robotIdleMinutes: minutes.optional(),
  onAgentOffline: z.enum(['reassign', 'keep']).optional(),
  quotaReservedForAgents: z.int().min(0).max(5).optional(),
  sendWelcome: z.boolean().optional(),
  announcePreviousAgent: z.boolean().optional(),
  colleaguesConversations: z
    .enum(['read_only', 'hidden'])
    .optional()
    .describe('what agents see of conversations a colleague holds: read-only (default) or nothing; admins see all'),
  csat: z
    .enum(['off', 'on', 'after_agent'])
    .optional()
    .describe(
      'ask the customer to rate a conversation when it ends (a reply 1-5, within WeChat’s window): off (default), on, after_agent (only when a person answered)',
    ),
  language: z.enum(['zh-CN', 'en']).optional(),
  messages: routingMessagesPatch.optional(),
});

export const settingsAnswer = z.object({
  /** What this level stores. */
  stored: settingsPatch,
  /** What applies at this level after the levels above it and the defaults. */
  effective: z.record(z.string(), z.unknown()),
});
