// The range reports' figures, from the facts of the conversations created in the range (the Reports port
// aggregates each conversation's messages where the data is). Pure: the use case brings the facts and the
// local days. Definitions:
//  - robotOnly: never queued, never with a person, never left a message; byPerson: a person got it or wrote;
//  - first response: the first customer message → the first message any agent wrote, transfers included
//    (a conversation transferred before anyone answered counts, up to the first answer by whoever gave it);
//  - wait: first queued (or created, when routed at once) → first given to a person;
//  - handling: first given to a person → ended;
//  - left messages: went to leaving a message; answered: an agent wrote after it, measured from leaving it;
//  - per agent: conversations, handling and CSAT of the agent who holds or last held them, first response
//    of the agent who gave it.
import type { EndReason } from '../model/conversation';
import type { ConversationFacts } from '../ports/reports';
import { type Summary, summarize } from './day-figures';

export const END_REASONS: readonly EndReason[] = ['agent_ended', 'customer_left', 'customer_silent', 'robot_idle', 'admin_ended'];

export interface RangeCsat {
  rated: number;
  /** Rounded to two decimals; null when nobody rated. */
  average: number | null;
  /** How many rated 1, 2, 3, 4 and 5. */
  ratings: [number, number, number, number, number];
}

export interface RangeFigures {
  conversations: number;
  robotOnly: number;
  byPerson: number;
  firstResponseMs: Summary;
  waitMs: Summary;
  handlingMs: Summary;
  endReasons: Record<EndReason, number>;
  leftMessages: { count: number; answered: number; answerMs: Summary };
  /** Transfer steps, and the conversations with at least one. */
  transfers: { steps: number; conversations: number };
  csat: RangeCsat;
  windowRefusals: number;
}

export interface AgentFigures {
  agentId: string;
  conversations: number;
  firstResponseMs: Summary;
  handlingMs: Summary;
  csat: RangeCsat;
}

const isRobotOnly = (c: ConversationFacts) =>
  c.queuedAt === undefined && c.firstAssignedAt === undefined && c.leftMessageAt === undefined && c.firstHumanReplyAt === undefined;
const isByPerson = (c: ConversationFacts) => c.firstAssignedAt !== undefined || c.firstHumanReplyAt !== undefined;

/** A duration when both ends are known and in order. */
const between = (from: number | undefined, to: number | undefined) =>
  from !== undefined && to !== undefined && to >= from ? to - from : undefined;

export const firstResponseOf = (c: ConversationFacts) => between(c.firstCustomerMessageAt, c.firstHumanReplyAt);
export const handlingOf = (c: ConversationFacts) => between(c.firstAssignedAt, c.endedAt);
export const waitOf = (c: ConversationFacts) =>
  c.firstAssignedAt === undefined ? undefined : between(c.queuedAt ?? c.createdAt, c.firstAssignedAt);

function defined(values: (number | undefined)[]): number[] {
  return values.filter((v): v is number => v !== undefined);
}

export function rangeCsat(facts: readonly ConversationFacts[]): RangeCsat {
  const ratings: RangeCsat['ratings'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const c of facts) {
    if (c.csatRating === undefined || c.csatRating < 1 || c.csatRating > 5) continue;
    ratings[c.csatRating - 1] = (ratings[c.csatRating - 1] ?? 0) + 1;
    sum += c.csatRating;
  }
  const rated = ratings.reduce((a, b) => a + b, 0);
  return { rated, average: rated === 0 ? null : Math.round((sum / rated) * 100) / 100, ratings };
}

export function rangeFigures(facts: readonly ConversationFacts[]): RangeFigures {
  const endReasons = Object.fromEntries(END_REASONS.map((r) => [r, 0])) as Record<EndReason, number>;
  for (const c of facts) if (c.endReason !== undefined && c.endReason in endReasons) endReasons[c.endReason] += 1;
  const left = facts.filter((c) => c.leftMessageAt !== undefined);
  const answers = defined(left.map((c) => between(c.leftMessageAt, c.leftAnsweredAt)));
  return {
    conversations: facts.length,
    robotOnly: facts.filter(isRobotOnly).length,
    byPerson: facts.filter(isByPerson).length,
    firstResponseMs: summarize(defined(facts.map(firstResponseOf))),
    waitMs: summarize(defined(facts.map(waitOf))),
    handlingMs: summarize(defined(facts.map(handlingOf))),
    endReasons,
    leftMessages: { count: left.length, answered: answers.length, answerMs: summarize(answers) },
    transfers: { steps: facts.reduce((n, c) => n + c.transfers, 0), conversations: facts.filter((c) => c.transfers > 0).length },
    csat: rangeCsat(facts),
    windowRefusals: facts.reduce((n, c) => n + c.windowRefusals, 0),
  };
}

/** One row per agent who held a conversation or answered one first, by agent id. */
export function agentFigures(facts: readonly ConversationFacts[]): AgentFigures[] {
  const held = new Map<string, ConversationFacts[]>();
  const answered = new Map<string, number[]>();
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const c of facts) {
    if (c.agentId !== undefined) add(held, c.agentId, c);
    const first = firstResponseOf(c);
    if (c.firstHumanReplyAgentId !== undefined && first !== undefined) add(answered, c.firstHumanReplyAgentId, first);
  }
  const ids = [...new Set([...held.keys(), ...answered.keys()])].sort();
  return ids.map((agentId) => {
    const mine = held.get(agentId) ?? [];
    return {
      agentId,
      conversations: mine.length,
      firstResponseMs: summarize(answered.get(agentId) ?? []),
      handlingMs: summarize(defined(mine.map(handlingOf))),
      csat: rangeCsat(mine),
    };
  });
}
