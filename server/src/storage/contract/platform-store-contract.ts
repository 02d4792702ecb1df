// The behaviour every PlatformStore must show: in memory (storage/testing), SQLite and PostgreSQL.
import type { Authorization, PlatformSettings } from '../../core/open-platform';
import { type OpenSubject, expectRejection, useSubject } from '../testing/contract-fixture';

const settings: PlatformSettings = {
  componentAppId: 'wxcomponent01',
  appSecret: 'componentsecret01',
  token: 'platformtoken',
  encodingAesKey: 'B'.repeat(43),
  updatedAt: 1000,
};

const authorization: Authorization = {
  appId: 'wxauthorizer01',
  channelId: 'wxauthorizer01',
  componentAppId: 'wxcomponent01',
  kind: 'miniprogram',
  state: 'authorized',
  permissions: [17, 18, 19],
  refreshToken: 'refreshtoken@@@one',
  authorizedAt: 2000,
  updatedAt: 2000,
  lastAuthCode: 'queryauthcode@@@one',
};

export function platformStoreContract(open: OpenSubject): void {
  const { subject } = useSubject(open);

  it('has no settings, ticket nor authorization at first', async () => {
    const store = subject().platform;
    await expect(store.settings()).resolves.toBeUndefined();
    await expect(store.ticket()).resolves.toBeUndefined();
    await expect(store.authorizations()).resolves.toEqual([]);
    await expect(store.authorization('wxauthorizer01')).resolves.toBeUndefined();
  });

  it('keeps the settings and replaces them whole', async () => {
    const store = subject().platform;
    await store.saveSettings(settings);
    await expect(store.settings()).resolves.toEqual(settings);
    await store.saveSettings({ ...settings, token: 'othertoken', updatedAt: 3000 });
    await expect(store.settings()).resolves.toEqual({ ...settings, token: 'othertoken', updatedAt: 3000 });
  });

  it('keeps the latest ticket while the component AppID stays, and forgets it with another', async () => {
    const store = subject().platform;
    await store.saveTicket({ ticket: 'ticket@@@lost', receivedAt: 500, pushedAt: 400 }); // no platform yet: nothing kept
    await expect(store.ticket()).resolves.toBeUndefined();
    await store.saveSettings(settings);
    await store.saveTicket({ ticket: 'ticket@@@one', receivedAt: 1500, pushedAt: 1400 });
    await store.saveTicket({ ticket: 'ticket@@@two', receivedAt: 2500, pushedAt: 2400 });
    await expect(store.ticket()).resolves.toEqual({ ticket: 'ticket@@@two', receivedAt: 2500, pushedAt: 2400 });
    await store.saveSettings({ ...settings, appSecret: 'newsecret0001' });
    await expect(store.ticket()).resolves.toEqual({ ticket: 'ticket@@@two', receivedAt: 2500, pushedAt: 2400 });
    await store.saveSettings({ ...settings, componentAppId: 'wxcomponent02' });
    await expect(store.ticket()).resolves.toBeUndefined();
  });

  it('keeps authorizations by AppID and by channel, replacing on save', async () => {
    const store = subject().platform;
    await store.saveAuthorization(authorization);
    const revoked: Authorization = { ...authorization, state: 'revoked', permissions: [19], revokedAt: 4000, updatedAt: 4000 };
    await store.saveAuthorization({ ...authorization, appId: 'wxauthorizer00', channelId: 'oa', kind: 'official_account' });
    await expect(store.authorization('wxauthorizer01')).resolves.toEqual(authorization);
    await expect(store.authorizationOfChannel('oa')).resolves.toMatchObject({ appId: 'wxauthorizer00', kind: 'official_account' });
    await store.saveAuthorization(revoked);
    await expect(store.authorizationOfChannel('wxauthorizer01')).resolves.toEqual(revoked);
    await expect(store.authorizations()).resolves.toMatchObject([{ appId: 'wxauthorizer00' }, { appId: 'wxauthorizer01' }]);
  });

  it('refuses a second authorization on a channel that has one', async () => {
    const store = subject().platform;
    await store.saveAuthorization(authorization);
    await expectRejection(store.saveAuthorization({ ...authorization, appId: 'wxauthorizer09' }));
    await expect(store.authorizations()).resolves.toHaveLength(1);
  });
}
