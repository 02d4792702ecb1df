// Routing and timer settings: platform admins edit the channel's settings or any merchant's overrides;
// a merchant admin edits their own merchant's overrides.
import { useState } from 'react';
import { api } from '../../api/client';
import type { Calendar, Group, List, Settings, SettingsPatch } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { adminMessages } from '../messages';
import { PLATFORM } from '../scope-pickers';
import { ChannelScreen } from '../screen';
import { LoadState } from '../ui';
import { useLoad } from '../use-load';
import { settingsMessages } from './messages';
import { SettingsEditor } from './settings-editor';

function RoutingBody({ channelId, level }: { channelId: string; level: string }) {
  const t = useT(settingsMessages);
  const path = level === PLATFORM ? channelPath(channelId, '/settings') : `/api/v1/merchants/${encodeURIComponent(level)}/settings`;
  const settings = useLoad(path, (signal) => api.get<Settings>(path, undefined, signal));
  // The groups and calendars a setting may name are those of the same level.
  const scope = level === PLATFORM ? PLATFORM : level;
  const groups = useLoad(`${channelId}|${scope}`, (signal) =>
    api.get<List<Group>>(channelPath(channelId, '/groups'), { merchantId: scope }, signal).then((l) => l.items),
  );
  const calendars = useLoad(`${channelId}|${scope}`, (signal) =>
    api.get<List<Calendar>>(channelPath(channelId, '/calendars'), { merchantId: scope }, signal).then((l) => l.items),
  );
  const save = async (patch: SettingsPatch) => {
    const answer = await api.put<Settings>(path, patch);
    settings.setData(() => answer);
  };
  return (
    <LoadState state={settings}>
      {(s) => (
        <SettingsEditor
          key={path}
          stored={s.stored}
          effective={s.effective}
          groups={groups.data ?? []}
          calendars={calendars.data ?? []}
          onSave={save}
          hint={level === PLATFORM ? t('level_channel_hint') : t('level_merchant_hint')}
        />
      )}
    </LoadState>
  );
}

export function RoutingScreen() {
  const t = useT(settingsMessages);
  const ta = useT(adminMessages);
  const { isPlatform, principal, merchants } = useAdmin();
  const [level, setLevel] = useState(PLATFORM);
  const effectiveLevel = isPlatform ? level : (principal.merchantId ?? PLATFORM);
  return (
    <ChannelScreen
      title={t('title')}
      tools={
        isPlatform && (
          <label className="admin-picker">
            <span>{t('level_pick')}</span>
            <select name="level" value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value={PLATFORM}>{t('level_channel')}</option>
              {(merchants.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {t('level_merchant')}: {m.name}
                </option>
              ))}
            </select>
          </label>
        )
      }
    >
      {(channelId) =>
        effectiveLevel === PLATFORM && !isPlatform ? (
          <p className="admin-empty">{ta('forbidden_hint')}</p>
        ) : (
          <RoutingBody key={`${channelId}|${effectiveLevel}`} channelId={channelId} level={effectiveLevel} />
        )
      }
    </ChannelScreen>
  );
}
