// The customer simulator (/app/simulator, demos and development only): an admin plays a WeChat customer
// whose messages take the real path (WeChat emulator → signed push → routing → robot or agent → send
// API → emulator), and sees what WeChat delivered back. Settings on the left, the customer's phone on
// the right (stacked on a phone).
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Channel, List } from '../api/types';
import { useLang, useT } from '../i18n/i18n';
import { useLastChannel } from '../session/last-channel';
import { isAdmin, usePrincipal, useSession } from '../session/session';
import { simulatorMessages } from './messages';
import { emptyDraft, encodeDraft, SessionFromForm, type SessionFromDraft } from './session-from-form';
import { SimPhone, type Typed } from './sim-phone';
import { useDelivered } from './use-delivered';
import './simulator.css';

const OPENID_KEY = 'kefu.sim.openid';
const ENTERED_KEY = 'kefu.sim.entered';
const TYPED_KEY = 'kefu.sim.typed';

const randomOpenid = () =>
  `sim-${Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 6)}`;

function readJson<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

function useChannels() {
  const p = usePrincipal();
  const [channels, setChannels] = useState<Channel[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.get<List<Channel>>('/api/v1/channels').then(
      (r) => setChannels(r.items),
      (err: unknown) => {
        if (p.channelId) setChannels([]);
        else setError(err instanceof ApiError ? err.message : String(err));
      },
    );
  }, [p.channelId]);
  return { channels, error };
}

export function SimulatorPage() {
  const t = useT(simulatorMessages);
  const { lang } = useLang();
  const nameFor = (id: string) => `${lang === 'zh' ? '模拟客户' : 'Sim customer'} ${id.slice(4, 8)}`;
  const principal = usePrincipal();
  const { config } = useSession();
  const { channels, error: channelsError } = useChannels();
  const [remembered, setPicked] = useLastChannel();
  const picked = channels?.some((c) => c.id === remembered) ? remembered : undefined;
  const [openid, setOpenidState] = useState(() => sessionStorage.getItem(OPENID_KEY) ?? randomOpenid());
  const [draft, setDraft] = useState<SessionFromDraft>(() => emptyDraft(nameFor(openid)));
  const [entered, setEntered] = useState<string[]>(() => readJson(ENTERED_KEY, []));
  const [typed, setTyped] = useState<Record<string, Typed[]>>(() => readJson(TYPED_KEY, {}));
  const [enterAgain, setEnterAgain] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string>();

  const channelId = picked ?? principal.channelId ?? channels?.[0]?.id;
  const key = `${channelId}|${openid}`;
  const { items: delivered, error: pollError, hurry } = useDelivered(channelId, openid);
  const openidOk = /^[A-Za-z0-9_-]{1,64}$/.test(openid);

  useEffect(() => sessionStorage.setItem(OPENID_KEY, openid), [openid]);
  useEffect(() => sessionStorage.setItem(ENTERED_KEY, JSON.stringify(entered)), [entered]);
  useEffect(() => sessionStorage.setItem(TYPED_KEY, JSON.stringify(typed)), [typed]);

  const setOpenid = (next: string) => {
    setOpenidState(next);
    setSendError(undefined);
  };
  const newCustomer = () => {
    const next = randomOpenid();
    setOpenid(next);
    setDraft((d) => ({ ...d, nickname: nameFor(next) }));
  };

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      if (!channelId || !openidOk) return false;
      const first = !entered.includes(key) || enterAgain;
      const encoded = encodeDraft(draft);
      if (first && !encoded.ok) {
        setSendError(t('invalid', { reason: encoded.reason }));
        return false;
      }
      setBusy(true);
      setSendError(undefined);
      const at = Date.now(); // when the customer pressed send: the answers delivered during the request come after it
      try {
        await api.post('/workbench/simulator/messages', {
          channelId,
          openid,
          text,
          ...(first && encoded.ok && { sessionFrom: encoded.value }),
        });
        setTyped((all) => ({ ...all, [key]: [...(all[key] ?? []), { at, text }] }));
        if (!entered.includes(key)) setEntered((e) => [...e, key]);
        setEnterAgain(false);
        hurry();
        return true;
      } catch (err) {
        setSendError(err instanceof ApiError ? err.message : String(err));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [channelId, openid, openidOk, entered, key, enterAgain, draft, hurry, t],
  );

  if (!isAdmin(principal))
    return (
      <main className="page">
        <p className="notice">{t('admins_only')}</p>
      </main>
    );
  if (!config.simulator)
    return (
      <main className="page">
        <p className="notice">{t('unavailable')}</p>
      </main>
    );
  if (channelsError)
    return (
      <main className="page">
        <p className="error">{channelsError}</p>
      </main>
    );
  if (!channels)
    return (
      <main className="page">
        <p className="loading">…</p>
      </main>
    );
  if (!channelId)
    return (
      <main className="page">
        <p className="notice">{t('no_channel')}</p>
      </main>
    );

  const isIn = entered.includes(key) && !enterAgain;
  return (
    <main className="page sim">
      <p className="sim-intro">{t('intro')}</p>
      <div className="sim-layout">
        <section className="card stack sim-settings" aria-label={t('session_from')}>
          <div className="sim-grid">
            {channels.length > 0 && (
              <label>
                {t('channel')}
                <select name="channelId" data-testid="sim-channel" value={channelId} onChange={(e) => setPicked(e.target.value)}>
                  {channels.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.id})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t('openid')}
              <span className="sim-openid">
                <input
                  name="openid"
                  data-testid="sim-openid"
                  className="mono"
                  value={openid}
                  onChange={(e) => setOpenid(e.target.value.trim())}
                  aria-invalid={!openidOk}
                />
                <button type="button" onClick={newCustomer}>
                  {t('new_customer')}
                </button>
              </span>
            </label>
          </div>
          <div>
            <h2>{t('session_from')}</h2>
            <p className="hint">{t('session_from_hint')}</p>
          </div>
          <SessionFromForm draft={draft} onChange={setDraft} />
          <p className={isIn ? 'success' : 'notice'} data-testid="sim-entered">
            {isIn ? t('entered') : t('not_entered')}
          </p>
          {entered.includes(key) && (
            <label className="inline">
              <input type="checkbox" name="enterAgain" checked={enterAgain} onChange={(e) => setEnterAgain(e.target.checked)} />{' '}
              {t('enter_again')}
            </label>
          )}
        </section>
        <SimPhone
          channelId={channelId ?? ''}
          name={draft.mode === 'fields' && draft.nickname ? draft.nickname : openid}
          typed={typed[key] ?? []}
          delivered={delivered}
          busy={busy || !openidOk}
          error={sendError ?? (pollError && t('polling_failed', { reason: pollError }))}
          onSend={send}
        />
      </div>
    </main>
  );
}
