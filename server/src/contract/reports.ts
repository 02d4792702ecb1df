// The dashboard's figures and the CSV exports' queries.
import { z } from 'zod';
import { epochMs, id, queryInt } from './common';

const page = queryInt(1, 1_000_000)
  .default(1)
  .describe('1, 2, …: each file holds at most 2000 rows; the answer’s x-total-pages header says how many there are');
const instant = queryInt(0, Number.MAX_SAFE_INTEGER);

export const channelsExportQuery = z.strictObject({ page });

export const conversationsExportQuery = z
  .strictObject({
    from: instant.optional().describe('conversations created at or after this instant (ms); default: the beginning'),
    to: instant.optional().describe('conversations created before this instant (ms); default: now'),
    merchantId: id
      .optional()
      .describe('platform admins: one merchant ("platform": the platform’s team); default every merchant. Merchant admins: their own'),
    page,
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
    path: ['from'],
    params: { reason: 'range_order' },
  });

export const dashboardQuery = z.strictObject({
  merchantId: id
    .optional()
    .describe('platform admins: one merchant ("platform": the platform’s team); default every merchant. Merchant admins: their own'),
});

const summary = z.object({
  count: z.int(),
  avg: z.number().nullable().describe('milliseconds; null when count is 0'),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});

export const dashboard = z.object({
  day: z
    .object({ start: epochMs, end: epochMs, date: z.string(), timeZone: z.string() })
    .describe(
      'today: the local day of the work calendar the routing settings name (the merchant’s, else the channel’s), else of the server’s time zone',
    ),
  conversations: z
    .object({
      today: z.int().describe('conversations created today'),
      ended: z.int().describe('of those, ended by now'),
      leftMessages: z.int().describe('of those, that went to leaving a message'),
      robotOnly: z.int().describe('of those, never queued nor taken by a person'),
    })
    .describe('counts over the conversations created today'),
  waiting: z.int().describe('conversations in a queue now'),
  leftWaiting: z
    .int()
    .describe('left messages (留言) waiting for an agent now (up to 1000): GET /channels/:id/conversations?state=left_message lists them'),
  agents: z.object({ online: z.int(), busy: z.int(), invisible: z.int(), offline: z.int() }).describe('agents by status now'),
  firstResponseMs: summary.describe('today’s conversations: the first customer message → the first human reply, transfers included'),
  waitMs: summary.describe('today’s conversations: queued (or created) → assigned'),
  csat: z
    .object({
      asked: z.int().describe('asked to rate when they ended'),
      rated: z.int(),
      average: z.number().nullable().describe('the average rating 1-5; null when nobody rated'),
      ratings: z.array(z.int()).length(5).describe('how many rated 1, 2, 3, 4 and 5'),
    })
    .describe('satisfaction (CSAT) of today’s conversations'),
});
