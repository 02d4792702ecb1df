// 「新建渠道」's two ways: 扫码授权 (recommended: WeChat's authorization page for a new pre_auth_code, where the
// merchant's admin scans and confirms; the channel is then created by itself) and 开发者授权 (the form with
// AppID and AppSecret). No QR library ships with the web app: WeChat's PC page shows its own QR code, so the
// console shows the page's link and the in-WeChat link, each with a copy button.
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../../api/client';
import type { AuthorizationLink, AuthorizationLinkCreate, AuthorizationTarget } from '../../api/platform-types';
import { useFormatters, useT } from '../../i18n/i18n';
import { adminMessages } from '../messages';
import { SectionTitle } from '../form-parts';
import { CopyButton } from '../ui';
import { useSubmit } from '../use-load';
import { platformMessages } from './messages';

export type ChannelWay = 'scan' | 'developer';

export function ChannelWayChoice({ onChoose, onClose }: { onChoose(way: ChannelWay): void; onClose(): void }) {
  const t = useT(platformMessages);
  return (
    <div className="card admin-form" data-testid="channel-way">
      <SectionTitle title={t('way_title')} onClose={onClose} />
      <div className="admin-ways">
        <button type="button" className="primary" data-testid="channel-way-scan" onClick={() => onChoose('scan')}>
          {t('way_scan')}
        </button>
        <p className="hint">{t('way_scan_hint')}</p>
        <button type="button" data-testid="channel-way-developer" onClick={() => onChoose('developer')}>
          {t('way_developer')}
        </button>
        <p className="hint">{t('way_developer_hint')}</p>
      </div>
    </div>
  );
}

const TARGETS: AuthorizationTarget[] = ['miniprogram', 'official_account', 'both'];

function LinkShown({ link }: { link: AuthorizationLink }) {
  const t = useT(platformMessages);
  const f = useFormatters();
  return (
    <section className="admin-push" data-testid="authorization-link" aria-label={t('link_title')}>
      <h3>{t('link_title')}</h3>
      <dl>
        <dt>{t('link_pc')}</dt>
        <dd className="mono" data-value={link.url}>
          <a href={link.url} data-testid="authorization-link-pc">
            {link.url}
          </a>
        </dd>
        <dd>
          <CopyButton value={link.url} />
        </dd>
        <dt>{t('link_mobile')}</dt>
        <dd className="mono" data-testid="authorization-link-mobile" data-value={link.mobileUrl}>
          {link.mobileUrl}
        </dd>
        <dd>
          <CopyButton value={link.mobileUrl} />
        </dd>
      </dl>
      <p className="hint">{t('link_expires', { time: f.dateTime(link.expiresAt) })}</p>
      <p className="hint">{t('no_qr')}</p>
      <a href={link.url} data-testid="authorization-open">
        {t('open_link')}
      </a>
    </section>
  );
}

export function ScanAuthorize({ onClose }: { onClose(): void }) {
  const t = useT(platformMessages);
  const ta = useT(adminMessages);
  const [target, setTarget] = useState<AuthorizationTarget>('miniprogram');
  const [link, setLink] = useState<AuthorizationLink | undefined>(undefined);
  const [platformMissing, setPlatformMissing] = useState(false);
  const create = useSubmit();
  const make = () =>
    void create.run(async () => {
      setLink(undefined);
      setPlatformMissing(false);
      try {
        const body: AuthorizationLinkCreate = { target, returnTo: location.pathname };
        setLink(await api.post<AuthorizationLink>('/api/v1/platform/authorization-links', body));
      } catch (error) {
        const code = error instanceof ApiError ? error.code : '';
        if (code === 'no_verify_ticket' || code === 'platform_not_configured' || code === 'not_found') setPlatformMissing(true);
        else throw error;
      }
    });
  return (
    <div className="card admin-form" data-testid="scan-authorize">
      <SectionTitle title={t('way_scan')} onClose={onClose} />
      <p className="hint">{t('way_scan_hint')}</p>
      <fieldset aria-label={t('target')}>
        <legend>{t('target')}</legend>
        <div className="admin-weekdays">
          {TARGETS.map((value) => (
            <label key={value} className="inline">
              <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} />
              {t(`target_${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="admin-actions">
        <button type="button" className="primary" data-testid="authorization-link-create" disabled={create.busy} onClick={make}>
          {create.busy ? t('making') : t('make_link')}
        </button>
        <button type="button" onClick={onClose}>
          {ta('cancel')}
        </button>
      </div>
      {create.error && (
        <p className="error" role="alert">
          {create.error}
        </p>
      )}
      {platformMissing && (
        <p className="error" role="alert" data-testid="platform-missing">
          {t('platform_missing')} <Link href="/platform">{t('go_platform')}</Link>
        </p>
      )}
      {link && <LinkShown link={link} />}
    </div>
  );
}
