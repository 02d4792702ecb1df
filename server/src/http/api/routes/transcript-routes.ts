// Transcripts: any conversation the caller may read, as a readable HTML page or as CSV (one row per
// message); and, for admins, every message of a channel (their merchant's) created in a date range, as
// CSV files of 2000 rows like the other exports.
import { z } from 'zod';
import { namesOf, reportScope } from '../../../app/admin/reports';
import { conversationTranscript } from '../../../app/admin/transcript';
import { notFound } from '../../../app/errors';
import { channelParams, id } from '../../../contract/common';
import { messagesExportQuery } from '../../../contract/transcripts';
import { csvText, MAX_ROWS_PER_FILE } from '../../../exports/csv';
import { MESSAGE_EXPORT_COLUMNS, messageExportRow, TRANSCRIPT_COLUMNS, transcriptRow } from '../../../exports/message-rows';
import { transcriptHtml } from '../../../exports/transcript-html';
import { channelTimeZone } from '../../../app/admin/channel-time-zone';
import type { ApiContext } from '../api-context';
import { ALL_ROLES, OVERSEERS, RawAnswer, route, type ApiRoute } from '../route-table';
import { csvPage } from './report-routes';

const params = z.strictObject({ conversationId: id });
const download = (file: string) => ({ 'content-disposition': `attachment; filename="${file}"`, 'x-content-type-options': 'nosniff' });

export function transcriptRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/conversations/:conversationId/transcript.html',
      audit: 'export',
      tag: 'conversations',
      summary: 'A conversation as a readable HTML page (who, when, how it ended and was rated, every message)',
      roles: ALL_ROLES,
      params,
      produces: { contentType: 'text/html', description: 'A standalone page, no script, served as a download' },
      handle: async ({ principal, params: p }) => {
        const t = await conversationTranscript(ctx.admin, principal, p.conversationId);
        // Times in the channel's zone, as the console shows them.
        const zone = await channelTimeZone({ ...ctx.admin, defaultTimeZone: ctx.timeZone }, principal, t.conversation.channelId);
        return new RawAnswer('text/html; charset=utf-8', transcriptHtml(t, zone.timeZone), {
          ...download(`transcript-${p.conversationId}.html`),
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        });
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:conversationId/transcript.csv',
      audit: 'export',
      tag: 'conversations',
      summary: 'A conversation as CSV, one row per message, oldest first',
      description: `Columns: ${TRANSCRIPT_COLUMNS.join(', ')}. Times are ISO 8601 in UTC; media as what they are ([语音] with its transcription, [文件] with its name…).`,
      roles: ALL_ROLES,
      params,
      produces: { contentType: 'text/csv', description: 'CSV (UTF-8 with a BOM)' },
      handle: async ({ principal, params: p }) => {
        const t = await conversationTranscript(ctx.admin, principal, p.conversationId);
        const rows = t.messages.map((m) => transcriptRow(m, t.names));
        return new RawAnswer('text/csv; charset=utf-8', csvText(TRANSCRIPT_COLUMNS, rows), download(`transcript-${p.conversationId}.csv`));
      },
    }),
    route({
      method: 'get',
      path: '/channels/:channelId/messages/export.csv',
      audit: 'export',
      tag: 'reports',
      summary: 'Download a channel’s messages created in a date range as CSV, oldest first, one row each',
      description: `Columns: ${MESSAGE_EXPORT_COLUMNS.join(', ')}. Times are ISO 8601 in UTC.`,
      roles: OVERSEERS,
      params: channelParams,
      query: messagesExportQuery,
      produces: {
        contentType: 'text/csv',
        description: 'CSV (UTF-8 with a BOM), at most 2000 rows; headers x-total-pages and content-disposition',
      },
      handle: async ({ principal, params: p, query }) => {
        if (!ctx.reports) throw notFound('reports');
        const scope = await reportScope(ctx.admin, principal, p.channelId, query.merchantId);
        const range = { from: query.from ?? 0, to: query.to ?? ctx.clock.now() + 1 };
        const { total, rows } = await ctx.reports.messagePage(scope, range, (query.page - 1) * MAX_ROWS_PER_FILE, MAX_ROWS_PER_FILE);
        const names = await namesOf(ctx.admin, p.channelId);
        return csvPage(
          `messages-${p.channelId}`,
          MESSAGE_EXPORT_COLUMNS,
          rows.map((r) => messageExportRow(r, names)),
          query.page,
          total,
        );
      },
    }),
  ];
}
