// Transcripts: one conversation as a readable HTML page or CSV, and the bulk export of a channel's
// messages for a date range (CSV files of 2000 rows, as the other exports).
import { z } from 'zod';
import { id, queryInt } from './common';

const instant = queryInt(0, Number.MAX_SAFE_INTEGER);

export const messagesExportQuery = z
  .strictObject({
    from: instant.optional().describe('messages created at or after this instant (ms); default: the beginning'),
    to: instant.optional().describe('messages created before this instant (ms); default: now'),
    merchantId: id
      .optional()
      .describe('platform admins: one merchant ("platform": the platform’s team); default every merchant. Merchant admins: their own'),
    page: queryInt(1, 1_000_000)
      .default(1)
      .describe('1, 2, …: each file holds at most 2000 rows; the answer’s x-total-pages header says how many there are'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
    path: ['from'],
    params: { reason: 'range_order' },
  });
