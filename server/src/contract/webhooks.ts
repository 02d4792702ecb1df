// Webhook endpoints, their creation (the secret answered once) and their delivery log.
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../core/webhooks/webhook-events';
import { epochMs, id, queryInt } from './common';

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export const webhookParams = z.strictObject({ webhookId: id });

export const webhook = z.object({
  id,
  channelId: id,
  merchantId: id.optional().describe('only this merchant’s events; absent: every merchant’s (platform admins)'),
  url: z.string(),
  events: z.array(z.union([webhookEventType, z.literal('webhook.test')])),
  enabled: z.boolean(),
  secretHint: z.string().describe('the secret’s last 4 characters'),
  createdAt: epochMs,
  updatedAt: epochMs,
});

export const webhookCreate = z.strictObject({
  url: z
    .string()
    .max(2000)
    .describe('https://…; http://127.0.0.1 or localhost only when the server runs with KEFU_WEBHOOKS_ALLOW_LOCAL_HTTP=1'),
  events: z
    .array(z.string().max(64))
    .min(1)
    .max(20)
    .describe(`any of: ${WEBHOOK_EVENT_TYPES.join(', ')}`),
  merchantId: id.optional().describe('platform admins: only this merchant’s events. Merchant admins: always their own'),
});

export const webhookCreated = z.object({
  webhook,
  secret: z.string().describe('signs every delivery (README: Webhooks); shown this once, never again'),
});

export const webhookChange = z.strictObject({ enabled: z.boolean() });

export const webhookTestSent = z.object({ eventId: id });

export const webhookLogQuery = z.strictObject({
  before: queryInt(1, Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('attempts logged before the attempt with this id (the previous page’s last)'),
  limit: queryInt(1, 200).default(50),
});

const attempt = z.object({
  id: z.int(),
  deliveryId: z.int(),
  eventId: id,
  type: z.string(),
  attempt: z.int().describe('1 for the first try of the delivery'),
  at: epochMs,
  statusCode: z.int().optional().describe('the receiver’s HTTP status, when it answered'),
  latencyMs: z.int(),
  error: z.string().optional(),
  outcome: z.enum(['delivered', 'retry', 'failed']),
});

const delivery = z.object({
  id: z.int(),
  eventId: id,
  type: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.int(),
  nextAttemptAt: epochMs,
  createdAt: epochMs,
  finishedAt: epochMs.optional(),
  lastError: z.string().optional(),
});

export const webhookLog = z.object({
  attempts: z.array(attempt).describe('newest first'),
  deliveries: z.array(delivery).describe('the latest deliveries, newest first'),
});
