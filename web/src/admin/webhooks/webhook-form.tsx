// Registering a webhook: the URL, the events (all by default), and for platform admins an optional
// merchant whose events alone it gets. The answer holds the signing secret, shown once by the screen.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { WebhookCreate, WebhookCreated, WebhookEventType } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { EditForm } from '../form-parts';
import { Field } from '../ui';
import { useSubmit } from '../use-load';
import { eventKey, webhookMessages } from './webhook-messages';

export const EVENT_TYPES: readonly WebhookEventType[] = [
  'message.received',
  'message.sent',
  'conversation.created',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.ended',
  'delivery.failed',
  'csat.received',
];

export function WebhookForm({ channelId, onCreated, onClose }: { channelId: string; onCreated(c: WebhookCreated): void; onClose(): void }) {
  const t = useT(webhookMessages);
  const { isPlatform, merchants } = useAdmin();
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<WebhookEventType[]>([...EVENT_TYPES]);
  const [merchantId, setMerchantId] = useState('');
  const submit = useSubmit();
  const toggle = (type: WebhookEventType) => setEvents((now) => (now.includes(type) ? now.filter((e) => e !== type) : [...now, type]));
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!/^https?:\/\/[^/]+/.test(url.trim())) return submit.setError(t('e_url'));
    if (events.length === 0) return submit.setError(t('e_events'));
    const body: WebhookCreate = { url: url.trim(), events, ...(merchantId && { merchantId }) };
    void submit.run(async () => {
      try {
        onCreated(await api.post<WebhookCreated>(channelPath(channelId, '/webhooks'), body));
      } catch (err) {
        // The server names the field in English ("url: must use https"); say it in the user's language.
        throw err instanceof ApiError && err.serverMessage.startsWith('url:') ? new Error(t('e_url_rule')) : err;
      }
    });
  };
  return (
    <EditForm title={t('create')} onSubmit={save} onClose={onClose} submit={submit} saveTestId="webhook-save" saveLabel={t('create')}>
      <div className="grid-form">
        <Field label={t('f_url')} hint={t('f_url_hint')} wide>
          <input name="url" value={url} onChange={(e) => setUrl(e.target.value)} autoFocus inputMode="url" />
        </Field>
        {isPlatform && (
          <Field label={t('f_merchant')}>
            <select name="merchantId" value={merchantId} onChange={(e) => setMerchantId(e.target.value)}>
              <option value="">{t('scope_all')}</option>
              {(merchants.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <fieldset data-testid="webhook-events">
        <legend>{t('f_events')}</legend>
        <div className="admin-weekdays">
          {EVENT_TYPES.map((type) => (
            <label key={type} className="inline" title={type}>
              <input type="checkbox" name="events" value={type} checked={events.includes(type)} onChange={() => toggle(type)} />
              {t(eventKey(type))}
            </label>
          ))}
        </div>
      </fieldset>
    </EditForm>
  );
}
