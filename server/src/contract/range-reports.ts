// The range reports: the query (a date range in a time zone, a merchant, a skill group, an agent), the
// report (the range's figures, one row per local day, one per agent) and the CSV download's query.
import { z } from 'zod';
import { MAX_REPORT_DAYS, daysBetween } from '../core/reports/range-report';
import { isValidTimeZone } from '../core/work-time/zoned-time';
import { id } from './common';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a real date');

const rangeFields = {
  from: date.describe('the first day, in the time zone (YYYY-MM-DD)'),
  to: date.describe(`the last day, included (YYYY-MM-DD); at most ${MAX_REPORT_DAYS} days after from`),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isValidTimeZone, 'an IANA time zone (Asia/Shanghai) or a fixed offset (+08:00, UTC)')
    .optional()
    .describe('default: the zone of the work calendar the routing settings name (the merchant’s, else the channel’s), else the server’s'),
  merchantId: id
    .optional()
    .describe('platform admins: one merchant ("platform": the platform’s team); default every merchant. Merchant admins: their own'),
  groupId: id.optional().describe('only conversations routed through this skill group'),
  agentId: id.optional().describe('only conversations this agent holds or last held'),
};

type RangeShape = { from: string; to: string };
const inOrder = (q: RangeShape) => daysBetween(q.from, q.to) >= 1;
const notTooLong = (q: RangeShape) => daysBetween(q.from, q.to) <= MAX_REPORT_DAYS;

export const rangeReportQuery = z
  .strictObject(rangeFields)
  .refine(inOrder, { message: 'the last day must not be before the first (from)', path: ['to'] })
  .refine(notTooLong, { message: `a report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });

export const REPORT_TABLES = ['days', 'agents'] as const;
export const REPORT_LANGS = ['en', 'zh'] as const;

export const rangeReportCsvQuery = z
  .strictObject({
    ...rangeFields,
    table: z.enum(REPORT_TABLES).default('days').describe('days: one row per day and a total row; agents: one row per agent'),
    lang: z.enum(REPORT_LANGS).default('en').describe('the header row’s language'),
  })
  .refine(inOrder, { message: 'the last day must not be before the first (from)', path: ['to'] })
  .refine(notTooLong, { message: `a report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });

const summary = z.object({
  count: z.int(),
  avg: z.number().nullable().describe('milliseconds; null when count is 0'),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
});

const csat = z.object({
  rated: z.int(),
  average: z.number().nullable().describe('the average rating 1-5; null when nobody rated'),
  ratings: z.array(z.int()).length(5).describe('how many rated 1, 2, 3, 4 and 5'),
});

export const rangeFigures = z.object({
  conversations: z.int().describe('conversations created in the range'),
  robotOnly: z.int().describe('never queued, never with a person, no left message'),
  byPerson: z.int().describe('a person got it or wrote in it'),
  firstResponseMs: summary.describe('the first customer message → the first human reply, whoever gave it (transfers included)'),
  waitMs: summary.describe('first queued (or created) → first given to a person'),
  handlingMs: summary.describe('first given to a person → ended'),
  endReasons: z.object({
    agent_ended: z.int(),
    customer_left: z.int(),
    customer_silent: z.int(),
    robot_idle: z.int(),
    admin_ended: z.int(),
  }),
  leftMessages: z.object({
    count: z.int(),
    answered: z.int().describe('an agent wrote after the message was left'),
    answerMs: summary.describe('left → the first agent message after it'),
  }),
  transfers: z.object({ steps: z.int(), conversations: z.int().describe('with at least one transfer') }),
  csat,
  windowRefusals: z.int().describe('sends that failed because WeChat’s 48-hour window was closed or its send limit used up (45015, 45047)'),
});

export const rangeReport = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    start: z.int().describe('the first day’s first instant (ms)'),
    end: z.int().describe('the instant after the last day (ms)'),
  }),
  totals: rangeFigures,
  days: z.array(rangeFigures.extend({ date: z.string() })).describe('one row per local day of the range, oldest first'),
  agents: z
    .array(
      z.object({
        agentId: z.string(),
        name: z.string().optional(),
        conversations: z.int().describe('held or last held'),
        firstResponseMs: summary.describe('first responses this agent gave'),
        handlingMs: summary,
        csat,
      }),
    )
    .describe('one row per agent who held a conversation or answered one first'),
});
