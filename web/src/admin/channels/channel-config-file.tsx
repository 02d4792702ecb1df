// The channel's configuration as one file: export downloads it (never a secret in it), import sends a file
// to this channel and says what it created and updated; a file that is not JSON, or that the server
// refuses, is said in a sentence and changes nothing.
import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { channelPath } from '../admin-context';
import { ErrorLine } from '../form-parts';
import { saveFile } from '../save-file';
import { useSubmit } from '../use-load';
import { setupMessages } from './setup-messages';
import type { ChannelConfigImportAnswer } from './use-channel-setup';

export function ChannelConfigFile({ channelId, onImported }: { channelId: string; onImported(): void }) {
  const t = useT(setupMessages);
  const work = useSubmit();
  const [done, setDone] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const exportFile = () =>
    void work.run(async () => {
      setDone(undefined);
      const file = await api.get<unknown>(channelPath(channelId, '/configuration'));
      saveFile(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `channel-${channelId}-config.json`);
    });

  const importFile = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = e.target.files?.[0];
    e.target.value = ''; // the same file may be picked again after a fix
    if (!picked) return;
    void work.run(async () => {
      setDone(undefined);
      let json: unknown;
      try {
        json = JSON.parse(await picked.text());
      } catch {
        throw new Error(t('config_not_json'));
      }
      const r = await api.post<ChannelConfigImportAnswer>(channelPath(channelId, '/configuration/import'), json);
      const n = (x: { created: string[]; updated: string[] }) => [x.created.length, x.updated.length] as const;
      const [[mc, mu], [cc, cu], [gc, gu]] = [n(r.merchants), n(r.calendars), n(r.groups)];
      setDone(t('config_imported', { mc, mu, cc, cu, gc, gu }));
      onImported();
    });
  };

  return (
    <section className="admin-push" data-testid="channel-config-file" aria-label={t('config_title')}>
      <h3>{t('config_title')}</h3>
      <p className="hint">{t('config_hint')}</p>
      <div className="admin-actions">
        <button type="button" data-testid="channel-config-export" onClick={exportFile} disabled={work.busy}>
          {t('config_export')}
        </button>
        <button type="button" data-testid="channel-config-import" onClick={() => input.current?.click()} disabled={work.busy}>
          {t('config_import')}
        </button>
        <input ref={input} type="file" accept="application/json,.json" hidden data-testid="channel-config-input" onChange={importFile} />
      </div>
      <ErrorLine error={work.error} />
      {done && (
        <p className="success" role="status" data-testid="channel-config-done">
          {done}
        </p>
      )}
    </section>
  );
}
