import type { ConversationFacts } from '../ports/reports';
import { agentFigures, rangeFigures } from './range-figures';
import { daysBetween, localDayOf, rangeReport, reportDays } from './range-report';

const HOUR = 3_600_000;
const fact = (over: Partial<ConversationFacts>): ConversationFacts => ({
  id: 'x',
  state: 'ended',
  createdAt: 0,
  transfers: 0,
  windowRefusals: 0,
  ...over,
});

describe('report days', () => {
  it('are the local days from one date to another, both included, in the zone', () => {
    const days = reportDays('2026-03-01', '2026-03-03', 'Asia/Shanghai');
    expect(days.map((d) => d.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(days[0]?.start).toBe(Date.parse('2026-02-28T16:00:00Z'));
    expect(days[2]?.end).toBe(Date.parse('2026-03-03T16:00:00Z'));
    expect(daysBetween('2026-03-01', '2026-03-03')).toBe(3);
  });

  it('find the day of a date in zones far from UTC and across a clock change', () => {
    expect(localDayOf('2026-03-01', 'Pacific/Kiritimati').start).toBe(Date.parse('2026-02-28T10:00:00Z'));
    expect(localDayOf('2026-03-01', '-11:00').start).toBe(Date.parse('2026-03-01T11:00:00Z'));
    const change = localDayOf('2026-03-08', 'America/New_York');
    expect(change.end - change.start).toBe(23 * HOUR);
  });
});

describe('range figures', () => {
  it('measure first response from the first customer message to the first human reply, transfers included', () => {
    const transferredBeforeAnswer = fact({
      queuedAt: 100,
      firstCustomerMessageAt: 0,
      firstAssignedAt: 1000,
      transfers: 1,
      firstHumanReplyAt: 61_000,
      firstHumanReplyAgentId: 'a2',
      agentId: 'a2',
      endedAt: 121_000,
      endReason: 'agent_ended',
      csatRating: 4,
    });
    const robot = fact({ firstCustomerMessageAt: 0, endReason: 'robot_idle', endedAt: 5 });
    const left = fact({ queuedAt: 0, leftMessageAt: 10, leftAnsweredAt: 1010, windowRefusals: 2 });
    const f = rangeFigures([transferredBeforeAnswer, robot, left]);
    expect(f.firstResponseMs).toEqual({ count: 1, avg: 61_000, p50: 61_000, p90: 61_000 });
    expect(f.waitMs).toEqual({ count: 1, avg: 900, p50: 900, p90: 900 });
    expect(f.handlingMs).toEqual({ count: 1, avg: 120_000, p50: 120_000, p90: 120_000 });
    expect([f.conversations, f.robotOnly, f.byPerson]).toEqual([3, 1, 1]);
    expect(f.endReasons).toEqual({ agent_ended: 1, customer_left: 0, customer_silent: 0, robot_idle: 1, admin_ended: 0 });
    expect(f.leftMessages).toEqual({ count: 1, answered: 1, answerMs: { count: 1, avg: 1000, p50: 1000, p90: 1000 } });
    expect(f.transfers).toEqual({ steps: 1, conversations: 1 });
    expect(f.csat).toEqual({ rated: 1, average: 4, ratings: [0, 0, 0, 1, 0] });
    expect(f.windowRefusals).toBe(2);
  });

  it('give each agent the conversations they hold and the first responses they gave', () => {
    const rows = agentFigures([
      fact({ agentId: 'a2', firstCustomerMessageAt: 0, firstHumanReplyAt: 10, firstHumanReplyAgentId: 'a1', csatRating: 5 }),
      fact({ agentId: 'a2', firstCustomerMessageAt: 0, firstHumanReplyAt: 30, firstHumanReplyAgentId: 'a2' }),
    ]);
    expect(rows.map((r) => [r.agentId, r.conversations, r.firstResponseMs.avg, r.csat.average])).toEqual([
      ['a1', 0, 10, null],
      ['a2', 2, 30, 5],
    ]);
  });

  it('split into one row per local day, empty days included', () => {
    const days = reportDays('2026-03-01', '2026-03-03', '+08:00');
    const report = rangeReport(
      [
        fact({ createdAt: (days[0]?.start ?? 0) + 1 }),
        fact({ createdAt: (days[2]?.end ?? 0) - 1 }),
        fact({ createdAt: days[2]?.end ?? 0 }),
      ],
      days,
      '+08:00',
    );
    expect(report.days.map((d) => [d.date, d.conversations])).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
    expect(report.range).toEqual({ from: '2026-03-01', to: '2026-03-03', timeZone: '+08:00', start: days[0]?.start, end: days[2]?.end });
  });
});
