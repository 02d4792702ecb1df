// Download a conversation's transcript (HTML or CSV) from the workbench: plain links to the API, which
// the session cookie authenticates and answers as attachments.
import { defineMessages, useT } from '../i18n/i18n';

const transcriptMessages = defineMessages(
  { transcript: '导出记录', html: 'HTML', csv: 'CSV' },
  { transcript: 'Transcript', html: 'HTML', csv: 'CSV' },
);

export function TranscriptLinks({ conversationId }: { conversationId: string }) {
  const t = useT(transcriptMessages);
  const base = `/api/v1/conversations/${encodeURIComponent(conversationId)}/transcript`;
  return (
    <div className="transcript-links hint" data-testid="transcript-links">
      {t('transcript')}:{' '}
      <a href={`${base}.html`} download data-testid="transcript-html">
        {t('html')}
      </a>{' '}
      ·{' '}
      <a href={`${base}.csv`} download data-testid="transcript-csv">
        {t('csv')}
      </a>
    </div>
  );
}
