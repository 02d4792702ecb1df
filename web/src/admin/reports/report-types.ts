// The range report's types, inferred from the server's schemas (type-only: nothing of the server reaches the bundle).
import type { z } from 'zod';
import type * as reports from '../../../../server/src/contract/range-reports';

export type RangeReport = z.output<typeof reports.rangeReport>;
export type RangeFigures = RangeReport['totals'];
export type DayFigures = RangeReport['days'][number];
export type AgentRow = RangeReport['agents'][number];
export type Times = RangeFigures['waitMs'];
