import type { ConversationTimes } from '../ports/reports';
import { csatFigures, dayFigures, summarize } from './day-figures';

describe('summarize', () => {
  it('gives count, average and nearest-rank percentiles', () => {
    expect(summarize([])).toEqual({ count: 0, avg: null, p50: null, p90: null });
    expect(summarize([30, 10, 20])).toEqual({ count: 3, avg: 20, p50: 20, p90: 30 });
    expect(summarize(Array.from({ length: 10 }, (_, i) => (i + 1) * 100))).toEqual({ count: 10, avg: 550, p50: 500, p90: 900 });
  });
});

describe('dayFigures', () => {
  const c = (over: Partial<ConversationTimes>): ConversationTimes => ({ state: 'ended', createdAt: 0, ...over });
  it('counts the day’s conversations and measures waits', () => {
    const figures = dayFigures(
      [
        c({ queuedAt: 100, assignedAt: 1100, firstAgentResponseAt: 4100 }), // waited 1 s, answered in 3 s
        c({ state: 'assigned', createdAt: 0, assignedAt: 2000, firstAgentResponseAt: 3000 }), // routed at once: waited 2 s
        c({ state: 'assigned', assignedAt: 5000, firstAgentResponseAt: 4000 }), // transferred after the first answer
        c({ state: 'left_message', queuedAt: 10, leftMessageAt: 500 }),
        c({ state: 'bot' }),
        c({}),
        c({ state: 'queued', queuedAt: 50 }),
      ],
      [{ status: 'online' }, { status: 'online' }, { status: 'busy' }, { status: 'offline' }, { status: 'invisible' }],
    );
    expect(figures.conversations).toEqual({ today: 7, ended: 2, leftMessages: 1, robotOnly: 2 });
    expect(figures.agents).toEqual({ online: 2, busy: 1, invisible: 1, offline: 1 });
    expect(figures.waitMs).toEqual({ count: 3, avg: 2667, p50: 2000, p90: 5000 });
  });
});

describe('satisfaction figures', () => {
  it('counts the asked and the rated, averages the ratings and counts each', () => {
    const at = { state: 'ended' as const, createdAt: 1 };
    expect(
      csatFigures([
        { ...at, csatRequestedAt: 2, csatRating: 5 },
        { ...at, csatRequestedAt: 2, csatRating: 4 },
        { ...at, csatRequestedAt: 2, csatRating: 4 },
        { ...at, csatRequestedAt: 2 },
        at,
      ]),
    ).toEqual({ asked: 4, rated: 3, average: 4.33, ratings: [0, 0, 0, 2, 1] });
    expect(csatFigures([at]).average).toBeNull();
  });
});
