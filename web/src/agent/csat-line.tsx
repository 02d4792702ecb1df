// A conversation's satisfaction rating (CSAT inside WeChat) as the agent and admins see it: the stars
// and the customer's comment, or that the customer was asked and has not answered yet.
import type { Conversation } from '../api/types';
import { defineMessages, useT } from '../i18n/i18n';

const csatMessages = defineMessages(
  {
    csat: '满意度',
    csat_asked: '已邀请评价，等待客户回复',
    csat_rating: '{rating} / 5',
  },
  {
    csat: 'Satisfaction',
    csat_asked: 'Asked for a rating, no answer yet',
    csat_rating: '{rating} / 5',
  },
);

export function CsatLine({ conversation }: { conversation: Pick<Conversation, 'csat'> }) {
  const t = useT(csatMessages);
  const csat = conversation.csat;
  if (!csat) return null;
  const rating = csat.rating;
  return (
    <div className="csat-line" data-testid="csat" data-rating={rating ?? ''}>
      <span className="hint">{t('csat')}</span>{' '}
      {rating === undefined ? (
        <span className="hint">{t('csat_asked')}</span>
      ) : (
        <>
          <span className="csat-stars" aria-label={t('csat_rating', { rating })}>
            {'★'.repeat(rating)}
            {'☆'.repeat(5 - rating)}
          </span>{' '}
          <span>{t('csat_rating', { rating })}</span>
          {csat.comment && <div className="csat-comment">“{csat.comment}”</div>}
        </>
      )}
    </div>
  );
}
