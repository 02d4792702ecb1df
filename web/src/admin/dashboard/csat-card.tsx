// The dashboard's satisfaction (CSAT) card: today's conversations asked to rate, rated, the average and
// how many gave each rating.
import type { Dashboard } from '../../api/types';
import { defineMessages, useFormatters, useT } from '../../i18n/i18n';

const csatMessages = defineMessages(
  { title: '满意度', asked: '已邀请', rated: '已评价', average: '平均分', none: '—', stars: '{n} 分' },
  { title: 'Satisfaction', asked: 'Asked', rated: 'Rated', average: 'Average', none: '—', stars: '{n} stars' },
);

export function CsatCard({ csat }: { csat: Dashboard['csat'] }) {
  const t = useT(csatMessages);
  const f = useFormatters();
  return (
    <div className="card" data-testid="dashboard-csat">
      <h3>{t('title')}</h3>
      <table>
        <tbody>
          <tr>
            <th>{t('average')}</th>
            <td>{csat.average === null ? t('none') : csat.average.toFixed(2)}</td>
          </tr>
          <tr>
            <th>{t('rated')}</th>
            <td>
              {f.number(csat.rated)} / {f.number(csat.asked)}
            </td>
          </tr>
          {[5, 4, 3, 2, 1].map((stars) => (
            <tr key={stars}>
              <th>{t('stars', { n: stars })}</th>
              <td>{f.number(csat.ratings[stars - 1] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
