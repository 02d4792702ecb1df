// Everything the emulator remembers, in one place, so route files receive one argument.
import type { AppRegistry, EmulatedApp } from './apps';
import type { EmulatorClock } from './clock';
import type { CustomerRegistry } from './customers';
import { EmulatorApiError } from './errors';
import type { FaultPlan } from './faults';
import type { LoginCodes } from './login-codes';
import type { MediaStore } from './media-store';
import type { RandomBytes } from './random';
import type { Recorder } from './recorder';
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
}

/** The app behind an access_token; an app removed since its token was issued is 40001. */
export function appOfToken(state: EmulatorState, token: unknown): EmulatedApp {
  const appId = state.tokens.verify(typeof token === 'string' ? token : undefined, state.clock.now());
  const app = state.apps.find(appId);
  if (!app) throw new EmulatorApiError(40001);
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
