// For tests: a test emulator with an open platform registered against a recording receiver, and typed
// calls of the platform's WeChat APIs (component token, pre_auth_code, query_auth, refresh, info).
import type { EmulatorOptions } from '../emulator';
import { field, openPush, type PlatformReceiver, startPlatformReceiver } from './open-platform-receiver';
import { startTestEmulator, type TestEmulator } from './test-emulator';

export const PLATFORM = {
  componentAppId: 'wxcomponent00001',
  componentAppSecret: 'component-secret-0001',
  token: 'PlatformToken1',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
} as const;

export type Answer = Record<string, unknown> & { errcode?: number };

export interface TestPlatform {
  emu: TestEmulator;
  receiver: PlatformReceiver;
  /** POST a WeChat API of the emulator with a JSON body. */
  call(path: string, body: unknown): Promise<Answer>;
  /** The newest ticket pushed to the auth-event URL (decrypted). */
  latestTicket(): string;
  componentToken(): Promise<string>;
  preAuthCode(token: string): Promise<string>;
  /** The decrypted system events pushed so far (InfoType and the whole XML). */
  events(): Array<{ infoType: string; xml: string }>;
  close(): Promise<void>;
}

export async function startTestPlatform(
  options: Partial<EmulatorOptions> = {},
  extra: Record<string, unknown> = {},
): Promise<TestPlatform> {
  const emu = await startTestEmulator(options);
  const receiver = await startPlatformReceiver();
  await emu.admin('/open-platform', { ...PLATFORM, authEventUrl: receiver.authEventUrl, messageUrl: receiver.messageUrl, ...extra });
  const call = async (path: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${emu.baseUrl}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    return (await res.json()) as Answer;
  };
  const events = () =>
    receiver.received
      .filter((p) => p.path === '/auth-events')
      .map((p) => openPush(p, PLATFORM.token, PLATFORM.encodingAesKey).xml)
      .map((xml) => ({ infoType: field(xml, 'InfoType') ?? '', xml }));
  const latestTicket = () => {
    const tickets = events().filter((e) => e.infoType === 'component_verify_ticket');
    return field(tickets[tickets.length - 1]?.xml ?? '', 'ComponentVerifyTicket') ?? '';
  };
  const componentToken = async () => {
    const a = await call('/cgi-bin/component/api_component_token', {
      component_appid: PLATFORM.componentAppId,
      component_appsecret: PLATFORM.componentAppSecret,
      component_verify_ticket: latestTicket(),
    });
    return String(a.component_access_token);
  };
  const preAuthCode = async (token: string) =>
    String(
      (
        await call(`/cgi-bin/component/api_create_preauthcode?component_access_token=${token}`, {
          component_appid: PLATFORM.componentAppId,
        })
      ).pre_auth_code,
    );
  return {
    emu,
    receiver,
    call,
    latestTicket,
    componentToken,
    preAuthCode,
    events,
    close: async () => {
      await emu.close();
      await receiver.close();
    },
  };
}
