// Everything the emulator remembers, in one place, so route files receive one argument.
import type { AppRegistry, EmulatedApp } from './apps';
import type { EmulatorClock } from './clock';
import type { CustomerRegistry } from './customers';
import { EmulatorApiError } from './errors';
import type { FaultPlan } from './faults';
import type { LoginCodes } from './login-codes';
import type { MediaStore } from './media-store';
import type { OpenPlatform } from './open-platform';
import { type ApiScope, REQUIRED_FUNC } from './open-platform-config';
import type { RandomBytes } from './random';
import type { Recorder } from './recorder';
import type { TokenCallLog } from './token-calls';
import type { TokenService } from './token-service';
import type { PushDeliverer } from './push-delivery';

export interface EmulatorState {
  clock: EmulatorClock;
  random: RandomBytes;
  apps: AppRegistry;
  tokens: TokenService;
  customers: CustomerRegistry;
  media: MediaStore;
  loginCodes: LoginCodes;
  recorder: Recorder;
  faults: FaultPlan;
  deliverPush: PushDeliverer;
  openPlatform: OpenPlatform;
  tokenCalls: TokenCallLog;
}

/**
 * The app behind an access_token; an app removed since its token was issued is 40001. An open platform's
 * authorizer_access_token works the same for the account it was issued for, but only for the API groups
 * whose permission set the admin granted (`scope`; 61007 "api is unauthorized to component" otherwise).
 */
export function appOfToken(state: EmulatorState, token: unknown, scope?: ApiScope): EmulatedApp {
  const { appId, kind } = state.tokens.verifyIssued(typeof token === 'string' ? token : undefined, state.clock.now());
  const app = state.apps.find(appId);
  if (!app) throw new EmulatorApiError(40001);
  if (kind === 'authorizer') {
    const authorization = state.openPlatform.authorizationOf(appId);
    if (!authorization) throw new EmulatorApiError(40001);
    if (scope !== undefined && !authorization.funcIds.includes(REQUIRED_FUNC[scope][app.kind])) throw new EmulatorApiError(61007);
  }
  return app;
}

/** appid + secret as the token and login APIs check them: 41002, 40013, 41004, 40125. */
export function appOfCredentials(state: EmulatorState, appId: unknown, secret: unknown): EmulatedApp {
  if (typeof appId !== 'string' || appId === '') throw new EmulatorApiError(41002);
  const app = state.apps.find(appId);
  if (!app) throw new EmulatorApiError(40013);
  if (typeof secret !== 'string' || secret === '') throw new EmulatorApiError(41004);
  if (secret !== app.secret) throw new EmulatorApiError(40125);
  return app;
}
