// What WeChat's send window leaves for this customer: sends left and when it closes, or why it is shut.
import { useEffect, useState } from 'react';
import { useFormatters, useT } from '../i18n/i18n';
import type { SendWindow } from '../api/types';
import { agentMessages } from './messages';

export function SendWindowBar({ window: w }: { window: SendWindow | undefined }) {
  const t = useT(agentMessages);
  const f = useFormatters();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = globalThis.setInterval(() => setNow(Date.now()), 30_000);
    return () => globalThis.clearInterval(id);
  }, []);
  if (!w)
    return (
      <div className="inbox-window hint" data-testid="send-window">
        {t('window_unknown')}
      </div>
    );
  if (!w.open) {
    return (
      <div className="inbox-window closed" role="status" data-testid="send-window" data-open="false">
        {w.reason === 'quota_used_up' ? t('quota_used_up') : t('window_closed')}
      </div>
    );
  }
  const text =
    w.expiresAt !== undefined
      ? t(w.remaining === 1 ? 'window_open_one' : 'window_open', { n: w.remaining, d: f.duration(w.expiresAt - now) })
      : t('window_open_no_expiry', { n: w.remaining });
  return (
    <div className={`inbox-window ${w.remaining <= 1 ? 'low' : ''}`} data-testid="send-window" data-open="true">
      {text}
    </div>
  );
}
