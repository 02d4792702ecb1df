// What the customer did besides writing (entering the chat with its SessionFrom, subscribing, menu
// clicks, kf events, pushes we do not recognise), newest first, as WeChat sent it: the profile panel's
// audit of the pushes, from GET /customers/:id/events.
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CustomerEvent, List } from '../api/types';
import { useFormatters, useT } from '../i18n/i18n';
import { agentMessages } from './messages';

const SHOWN = 20;

export function CustomerEvents({ customerId }: { customerId: string }) {
  const t = useT(agentMessages);
  const f = useFormatters();
  const [events, setEvents] = useState<CustomerEvent[] | undefined>();
  useEffect(() => {
    let live = true;
    setEvents(undefined);
    api.get<List<CustomerEvent>>(`/api/v1/customers/${encodeURIComponent(customerId)}/events`, { limit: SHOWN }).then(
      (page) => live && setEvents(page.items),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [customerId]);
  if (!events || events.length === 0) return null;
  return (
    <section data-testid="profile-events">
      <h3>{t('customer_events')}</h3>
      <table className="inbox-kv">
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="mono">
                {e.type === 'unknown' ? String(e.fields.Event || e.fields.MsgType || e.type) : e.type}
              </th>
              <td>
                <div className="hint">{f.dateTime(e.wechatCreatedAt ? Date.parse(e.wechatCreatedAt) : e.receivedAt)}</div>
                {e.sessionFrom !== undefined && <div className="mono">{e.sessionFrom || t('none')}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
