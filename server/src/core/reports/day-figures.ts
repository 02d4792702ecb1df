// The dashboard's figures for one day, from the moments of the conversations created that day and the
// agents' statuses now. Pure: the use case (app/read-dashboard.ts) brings the data.
//  - robotOnly: never queued, never with a person, never left a message (the robot or nothing answered);
//  - first response: not here; the dashboard takes the range reports' (range-figures.ts), which counts
//    from the first customer message, transfers included;
//  - wait: queued (or created, when routed at once) → assigned.
import type { Agent, AgentStatus } from '../model/agent';
import type { ConversationTimes } from '../ports/reports';

export interface Summary {
  count: number;
  /** Milliseconds; null when count is 0. */
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

/** Satisfaction (CSAT) of the day's conversations: asked, rated, the average rating and how many gave each. */
export interface CsatFigures {
  asked: number;
  rated: number;
  /** Rounded to two decimals; null when nobody rated. */
  average: number | null;
  /** How many rated 1, 2, 3, 4 and 5. */
  ratings: [number, number, number, number, number];
}

export function csatFigures(conversations: readonly ConversationTimes[]): CsatFigures {
  const ratings: CsatFigures['ratings'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const c of conversations) {
    if (c.csatRating === undefined || c.csatRating < 1 || c.csatRating > 5) continue;
    ratings[c.csatRating - 1] = (ratings[c.csatRating - 1] ?? 0) + 1;
    sum += c.csatRating;
  }
  const rated = ratings.reduce((a, b) => a + b, 0);
  return {
    asked: conversations.filter((c) => c.csatRequestedAt !== undefined).length,
    rated,
    average: rated === 0 ? null : Math.round((sum / rated) * 100) / 100,
    ratings,
  };
}

export interface DayFigures {
  conversations: { today: number; ended: number; leftMessages: number; robotOnly: number };
  agents: Record<AgentStatus, number>;
  waitMs: Summary;
  csat: CsatFigures;
}

/** Nearest-rank percentiles (a value that occurred), the average rounded to the millisecond. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { count: 0, avg: null, p50: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  return { count: sorted.length, avg: Math.round(sorted.reduce((s, v) => s + v, 0) / sorted.length), p50: rank(0.5), p90: rank(0.9) };
}

const robotOnly = (c: ConversationTimes) =>
  (c.state === 'bot' || c.state === 'ended') && c.queuedAt === undefined && c.assignedAt === undefined && c.leftMessageAt === undefined;

export function dayFigures(conversations: readonly ConversationTimes[], agents: readonly Pick<Agent, 'status'>[]): DayFigures {
  const waits: number[] = [];
  for (const c of conversations) {
    if (c.assignedAt === undefined) continue;
    const waitedFrom = c.queuedAt ?? c.createdAt;
    if (waitedFrom <= c.assignedAt) waits.push(c.assignedAt - waitedFrom);
  }
  const statuses: Record<AgentStatus, number> = { online: 0, busy: 0, invisible: 0, offline: 0 };
  for (const a of agents) statuses[a.status] += 1;
  return {
    conversations: {
      today: conversations.length,
      ended: conversations.filter((c) => c.state === 'ended').length,
      leftMessages: conversations.filter((c) => c.leftMessageAt !== undefined).length,
      robotOnly: conversations.filter(robotOnly).length,
    },
    agents: statuses,
    waitMs: summarize(waits),
    csat: csatFigures(conversations),
  };
}
