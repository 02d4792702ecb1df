// The agent's own status (online, busy, invisible, offline), kept in step with changes made elsewhere
// (another tab, an admin, the status commands of agents who answer from their own WeChat) through
// agent_changed notices.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { AgentStatus } from '../api/types';
import { useT } from '../i18n/i18n';
import { useNotices } from '../live/live';
import type { Agent } from '../api/types';
import { agentMessages } from './messages';

const STATUSES: AgentStatus[] = ['online', 'busy', 'invisible', 'offline'];

interface Props {
  agentId: string;
  /** Coming online: how many left messages wait (the server counts them in its answer). */
  onLeftWaiting?(count: number): void;
}

export function StatusSelect({ agentId, onLeftWaiting }: Props) {
  const t = useT(agentMessages);
  const [status, setStatus] = useState<AgentStatus>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<Agent>(`/api/v1/agents/${encodeURIComponent(agentId)}`).then(
      (a) => setStatus(a.status),
      (err: unknown) => setError(err instanceof ApiError ? err.message : String(err)),
    );
  }, [agentId]);
  useNotices((n) => {
    if (n.type === 'agent_changed' && n.agentId === agentId) setStatus(n.status as AgentStatus);
  });
  const change = async (next: AgentStatus) => {
    const before = status;
    setStatus(next);
    setError(undefined);
    try {
      const answer = await api.put<{ leftMessagesWaiting?: number }>('/api/v1/me/status', { status: next });
      if (answer?.leftMessagesWaiting !== undefined) onLeftWaiting?.(answer.leftMessagesWaiting);
    } catch (err) {
      setStatus(before);
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <label className={`inline inbox-status ${status ?? ''}`}>
      <span className="inbox-status-dot" aria-hidden="true" />
      <span className="inbox-status-label">{t('status')}</span>
      <select
        name="status"
        data-testid="status-select"
        value={status ?? ''}
        disabled={!status}
        onChange={(e) => void change(e.target.value as AgentStatus)}
        aria-label={t('status')}
      >
        {!status && <option value="">{t('loading')}</option>}
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status_${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}
