// The channel picker (platform admins with several channels) and the merchant scope picker: platform
// admins choose all / the platform's own team / one merchant; merchant admins see only their own, so
// the picker is not shown to them.
import { useT } from '../i18n/i18n';
import { useAdmin } from './admin-context';
import { adminMessages } from './messages';

export const PLATFORM = 'platform';

export function ChannelPicker() {
  const t = useT(adminMessages);
  const { isPlatform, channels, channelId, setChannelId } = useAdmin();
  const items = channels.data ?? [];
  if (!isPlatform || items.length < 2) return null;
  return (
    <label className="admin-picker">
      <span>{t('channel')}</span>
      <select name="channelId" value={channelId ?? ''} onChange={(e) => setChannelId(e.target.value)}>
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.id})
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * `value`: '' = all (when `allowAll`), 'platform' = the platform's team, else a merchant id. Renders
 * nothing for merchant admins (their scope is fixed by the server).
 */
export function MerchantPicker({ value, onChange, allowAll }: { value: string; onChange(v: string): void; allowAll?: boolean }) {
  const t = useT(adminMessages);
  const { isPlatform, merchants } = useAdmin();
  if (!isPlatform) return null;
  return (
    <label className="admin-picker">
      <span>{t('merchant')}</span>
      <select name="merchantScope" value={value} onChange={(e) => onChange(e.target.value)}>
        {allowAll && <option value="">{t('scope_all')}</option>}
        <option value={PLATFORM}>{t('scope_platform')}</option>
        {(merchants.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.code})
          </option>
        ))}
      </select>
    </label>
  );
}

/** A form's merchant field (a new record's owner): the platform's team or one merchant, by id. */
export function MerchantSelect({ value, onChange }: { value: string; onChange(v: string): void }) {
  const t = useT(adminMessages);
  const { merchants } = useAdmin();
  return (
    <select name="merchantId" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={PLATFORM}>{t('scope_platform')}</option>
      {(merchants.data ?? []).map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </select>
  );
}

/** The merchant a record belongs to, for display. */
export function useMerchantName() {
  const t = useT(adminMessages);
  const { merchants } = useAdmin();
  return (merchantId: string | undefined) => {
    if (merchantId === undefined) return t('scope_platform');
    return merchants.data?.find((m) => m.id === merchantId)?.name ?? merchantId;
  };
}
