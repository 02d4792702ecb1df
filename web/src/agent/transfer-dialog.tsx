// Handing a conversation on: to an agent (their status shown), to a skill group, or back to the queue.
// When the target cannot take it now the server answers 409 with the reason, shown here.
import { TransferNoteField } from './transfer-note-field';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import type { Conversation } from '../api/types';
import { Modal, ModalActions } from './modal';
import { agentMessages } from './messages';
import type { Directory } from './use-directory';

type Kind = 'agent' | 'group' | 'queue';

interface Props {
  conversation: Conversation;
  directory: Directory;
  /** The agent acting (agents themselves); undefined for admins. */
  me: string | undefined;
  /** Called just before the request, so the notices it causes are known to be mine. */
  onStart(): void;
  onDone(): void;
  onClose(): void;
}

/** The transfer refusals the server names (the reason is shown in the agent's language). */
const REFUSALS = ['not_assignee', 'target_unavailable', 'target_full', 'unknown_target'];
export function TransferDialog({ conversation, directory, me, onStart, onDone, onClose }: Props) {
  const t = useT(agentMessages);
  const [kind, setKind] = useState<Kind>('agent');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Agents and groups of the conversation's own team (merchant or platform).
  const sameTeam = (x: { merchantId?: string }) => x.merchantId === conversation.merchantId;
  const agents = directory.agents.filter((a) => sameTeam(a) && a.id !== conversation.agentId);
  const groups = directory.groups.filter(sameTeam);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const to =
      kind === 'agent'
        ? { kind, agentId: String(form.get('transferAgent') ?? '') }
        : kind === 'group'
          ? { kind, groupId: String(form.get('transferGroup') ?? '') }
          : { kind };
    const refusalText = (err: ApiError) =>
      REFUSALS.includes(err.code) ? t(`transfer_refused_${err.code}` as 'transfer_refused_not_assignee') : err.message;
    setBusy(true);
    setError(undefined);
    try {
      onStart();
      const note = String(form.get('transferNote') ?? '').trim();
      await api.post(`/api/v1/conversations/${encodeURIComponent(conversation.id)}/transfer`, {
        to,
        ...(me && { agentId: me }),
        ...(note && { note }),
      });
      onDone();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? refusalText(err) : String(err));
    } finally {
      setBusy(false);
    }
  };

  const choice = (value: Kind, label: string) => (
    <label className="inline">
      <input type="radio" name="transferKind" value={value} checked={kind === value} onChange={() => setKind(value)} /> {label}
    </label>
  );

  return (
    <Modal title={t('transfer_title')} onClose={onClose}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="row">
          {choice('agent', t('transfer_to_agent'))}
          {choice('group', t('transfer_to_group'))}
          {choice('queue', t('transfer_to_queue'))}
        </div>
        {kind === 'agent' && (
          <label>
            {t('agent')}
            <select name="transferAgent" required defaultValue="">
              <option value="" disabled>
                {t('transfer_pick')}
              </option>
              {agents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} · {t(`status_${a.status}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'group' && (
          <label>
            {t('group')}
            <select name="transferGroup" required defaultValue="">
              <option value="" disabled>
                {t('transfer_pick')}
              </option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <TransferNoteField />
        <ModalActions
          error={error}
          errorTestId="transfer-error"
          busy={busy}
          submitLabel={busy ? t('loading') : t('transfer_submit')}
          submitTestId="transfer-submit"
          onClose={onClose}
        />
      </form>
    </Modal>
  );
}
