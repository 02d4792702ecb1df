// Building the session-from a contact button would pass: field by field (encoded with the shared codec,
// the same code the mini program kit runs) or as a raw string, with the result and its size shown.
import { useMemo } from 'react';
import { encodeSessionFrom, SessionFromError, type SessionFromInput } from '../../../shared/src/index';
import { useT } from '../i18n/i18n';
import { simulatorMessages } from './messages';

export interface Pair {
  key: string;
  value: string;
}

export interface SessionFromDraft {
  mode: 'fields' | 'raw';
  nickname: string;
  avatarUrl: string;
  params: Pair[];
  customerFields: Pair[];
  transferAction: string;
  customerCode: string;
  flowGroupId: string;
  partnerId: string;
  robotId: string;
  raw: string;
}

export const emptyDraft = (nickname: string): SessionFromDraft => ({
  mode: 'fields',
  nickname,
  avatarUrl: '',
  params: [{ key: 'source', value: 'simulator' }],
  customerFields: [],
  transferAction: '',
  customerCode: '',
  flowGroupId: '',
  partnerId: '',
  robotId: '',
  raw: 'sobot|',
});

const record = (pairs: Pair[]) => Object.fromEntries(pairs.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value]));

export type Encoded = { ok: true; value: string; bytes: number; dropped: string[] } | { ok: false; reason: string };

/** The string to send, or why it cannot be built. */
export function encodeDraft(d: SessionFromDraft): Encoded {
  if (d.mode === 'raw') return { ok: true, value: d.raw, bytes: new TextEncoder().encode(d.raw).length, dropped: [] };
  try {
    const input: SessionFromInput = {};
    if (d.nickname.trim()) input.nickname = d.nickname.trim();
    if (d.avatarUrl.trim()) input.avatarUrl = d.avatarUrl.trim();
    const params = record(d.params);
    if (Object.keys(params).length) input.params = params;
    const fields = record(d.customerFields);
    if (Object.keys(fields).length) input.customerFields = fields;
    if (d.transferAction.trim()) input.transferAction = JSON.parse(d.transferAction) as SessionFromInput['transferAction'];
    if (d.customerCode.trim())
      input.platformAction = { customerCode: d.customerCode.trim(), ...(d.flowGroupId.trim() && { flowGroupId: d.flowGroupId.trim() }) };
    if (d.partnerId.trim()) input.partnerId = d.partnerId.trim();
    if (d.robotId.trim()) input.robotId = d.robotId.trim();
    const e = encodeSessionFrom(input);
    return { ok: true, value: e.value, bytes: e.bytes, dropped: e.dropped.map((x) => ('key' in x ? `${x.field}.${x.key}` : x.field)) };
  } catch (err) {
    if (err instanceof SessionFromError || err instanceof SyntaxError) return { ok: false, reason: err.message };
    throw err;
  }
}

function PairsEditor({ label, pairs, onChange, name }: { label: string; pairs: Pair[]; onChange(p: Pair[]): void; name: string }) {
  const t = useT(simulatorMessages);
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="sim-pairs">
      <legend>{label}</legend>
      {pairs.map((p, i) => (
        <div className="sim-pair" key={i}>
          <input
            name={`${name}Key`}
            aria-label={t('key')}
            placeholder={t('key')}
            value={p.key}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <input
            name={`${name}Value`}
            aria-label={t('value')}
            placeholder={t('value')}
            value={p.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <button type="button" className="link" onClick={() => onChange(pairs.filter((_, j) => j !== i))} aria-label={t('remove_row')}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="link" onClick={() => onChange([...pairs, { key: '', value: '' }])}>
        + {t('add_row')}
      </button>
    </fieldset>
  );
}

export function SessionFromForm({ draft, onChange }: { draft: SessionFromDraft; onChange(d: SessionFromDraft): void }) {
  const t = useT(simulatorMessages);
  const set = (patch: Partial<SessionFromDraft>) => onChange({ ...draft, ...patch });
  const encoded = useMemo(() => encodeDraft(draft), [draft]);
  const text = (key: keyof SessionFromDraft & string, label: string, placeholder = '') => (
    <label>
      {label}
      <input name={key} value={draft[key] as string} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );
  return (
    <div className="stack sim-sf">
      <div className="row">
        <label className="inline">
          <input type="radio" name="sfMode" checked={draft.mode === 'fields'} onChange={() => set({ mode: 'fields' })} /> {t('mode_fields')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="sfMode"
            checked={draft.mode === 'raw'}
            onChange={() => set({ mode: 'raw', raw: encoded.ok ? encoded.value : draft.raw })}
          />{' '}
          {t('mode_raw')}
        </label>
      </div>
      {draft.mode === 'raw' ? (
        <label>
          {t('raw')}
          <textarea name="sessionFromRaw" rows={3} value={draft.raw} onChange={(e) => set({ raw: e.target.value })} className="mono" />
        </label>
      ) : (
        <>
          <div className="sim-grid">
            {text('nickname', t('nickname'))}
            {text('avatarUrl', t('avatar'), 'https://…')}
          </div>
          <PairsEditor label={t('params')} name="param" pairs={draft.params} onChange={(params) => set({ params })} />
          <PairsEditor
            label={t('customer_fields')}
            name="customerField"
            pairs={draft.customerFields}
            onChange={(customerFields) => set({ customerFields })}
          />
          <details className="sim-more">
            <summary>transfer_action · platform_action · partnerid · robotid</summary>
            <div className="stack">
              <label>
                {t('transfer_action')}
                <input
                  name="transferAction"
                  className="mono"
                  value={draft.transferAction}
                  placeholder='[{"actionType":"to_group","deciId":"grp_…","optionId":"4"}]'
                  onChange={(e) => set({ transferAction: e.target.value })}
                />
              </label>
              <div className="sim-grid">
                {text('customerCode', t('customer_code'))}
                {text('flowGroupId', t('flow_group'))}
                {text('partnerId', t('partner_id'))}
                {text('robotId', t('robot_id'))}
              </div>
            </div>
          </details>
        </>
      )}
      <div className="sim-encoded">
        {encoded.ok ? (
          <>
            <span className="hint">
              {t('preview')} {t('bytes', { n: encoded.bytes })}
            </span>
            <code className="mono">{encoded.value}</code>
            {encoded.dropped.length > 0 && <p className="notice">{t('dropped', { what: encoded.dropped.join(', ') })}</p>}
          </>
        ) : (
          <p className="error" role="alert">
            {t('invalid', { reason: encoded.reason })}
          </p>
        )}
      </div>
    </div>
  );
}
