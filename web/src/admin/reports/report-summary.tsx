// The range's figures as cards: counts, the three times (average, median, P90), ended reasons by name,
// left messages and how fast they were answered, transfers, satisfaction, sends refused by the window.
import { useFormatters, useT } from '../../i18n/i18n';
import { reportsMessages } from './messages';
import type { RangeFigures, Times } from './report-types';

type Reason = keyof RangeFigures['endReasons'];
const REASONS: Reason[] = ['agent_ended', 'customer_left', 'customer_silent', 'robot_idle', 'admin_ended'];

function Stat({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) {
  return (
    <div className="admin-stat" data-testid={testId} title={hint}>
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}

/** Average, median, P90 and count of one time (the dashboard's today too). */
export function TimesCard({ title, times, testId, hint }: { title: string; times: Times; testId?: string; hint?: string }) {
  const t = useT(reportsMessages);
  const f = useFormatters();
  const d = (ms: number | null) => (ms === null || times.count === 0 ? t('none') : f.duration(ms));
  return (
    <div className="card" data-testid={testId}>
      <h3 title={hint}>{title}</h3>
      <table>
        <tbody>
          <tr>
            <th>{t('avg')}</th>
            <td data-testid={testId && `${testId}-avg`} data-ms={times.avg ?? ''}>
              {d(times.avg)}
            </td>
          </tr>
          <tr>
            <th>{t('p50')}</th>
            <td>{d(times.p50)}</td>
          </tr>
          <tr>
            <th>{t('p90')}</th>
            <td>{d(times.p90)}</td>
          </tr>
          <tr>
            <th>{t('count')}</th>
            <td>{f.number(times.count)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function ReportSummary({ figures }: { figures: RangeFigures }) {
  const t = useT(reportsMessages);
  const f = useFormatters();
  const left = figures.leftMessages;
  return (
    <div className="stack">
      <div className="admin-stats">
        <Stat testId="report-conversations" label={t('conversations')} value={f.number(figures.conversations)} />
        <Stat testId="report-robot-only" label={t('robot_only')} value={f.number(figures.robotOnly)} />
        <Stat testId="report-by-person" label={t('by_person')} value={f.number(figures.byPerson)} />
        <Stat testId="report-left" label={t('left_messages')} value={f.number(left.count)} />
        <Stat testId="report-transfers" label={t('transfers')} value={f.number(figures.transfers.steps)} />
        <Stat
          testId="report-window-refusals"
          label={t('window_refusals')}
          value={f.number(figures.windowRefusals)}
          hint={t('window_refusals_hint')}
        />
      </div>
      <div className="admin-times">
        <TimesCard
          testId="report-first-response"
          title={t('first_response')}
          times={figures.firstResponseMs}
          hint={t('first_response_hint')}
        />
        <TimesCard testId="report-wait" title={t('wait')} times={figures.waitMs} />
        <TimesCard testId="report-handling" title={t('handling')} times={figures.handlingMs} />
        <div className="card" data-testid="report-ended-reasons">
          <h3>{t('ended_reasons')}</h3>
          <table>
            <tbody>
              {REASONS.map((r) => (
                <tr key={r}>
                  <th>{t(`reason_${r}`)}</th>
                  <td>{f.number(figures.endReasons[r])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>{t('left_messages')}</h3>
          <p>
            {t('left_answered', {
              answered: f.number(left.answered),
              count: f.number(left.count),
              avg: left.answerMs.avg === null ? t('none') : f.duration(left.answerMs.avg),
            })}
          </p>
          <h3>{t('transfers')}</h3>
          <p>
            {t('transfers_detail', { steps: f.number(figures.transfers.steps), conversations: f.number(figures.transfers.conversations) })}
          </p>
        </div>
        <div className="card" data-testid="report-csat">
          <h3>{t('csat')}</h3>
          <p>{t('csat_detail', { rated: f.number(figures.csat.rated), average: figures.csat.average ?? t('none') })}</p>
          <table>
            <tbody>
              {figures.csat.ratings.map((n, i) => (
                <tr key={i}>
                  <th>{'★'.repeat(i + 1)}</th>
                  <td>{f.number(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
