// createEmulator: the Express app that plays api.weixin.qq.com (WeChat's paths at the root) plus the
// emulator's own admin and customer API under /emulator. Builds without listening (main.ts listens).
import express, { type ErrorRequestHandler, type Express } from 'express';
import { z } from 'zod';
import { AppRegistry, type EmulatedApp } from './apps';
import type { EmulatorClock } from './clock';
import { CustomerRegistry } from './customers';
import { EmulatorAdminError } from './errors';
import { FaultPlan } from './faults';
import { LoginCodes } from './login-codes';
import { MediaStore } from './media-store';
import { OpenPlatform } from './open-platform';
import type { OpenPlatformConfig } from './open-platform-config';
import { pushTicket, scheduleTickets } from './open-platform-push';
import { defaultDeliverer, type PushDeliverer } from './push-delivery';
import { defaultRandomBytes, type RandomBytes } from './random';
import { Recorder } from './recorder';
import { adminRoutes } from './routes/admin-routes';
import { componentLoginPageRoutes } from './routes/component-login-page';
import { componentRoutes } from './routes/component-routes';
import { customerRoutes } from './routes/customer-routes';
import { mediaRoutes } from './routes/media-routes';
import { messageRoutes } from './routes/message-routes';
import { openPlatformAdminRoutes } from './routes/open-platform-admin-routes';
import { pageRoutes } from './routes/page';
import { pushConfigRoutes } from './routes/push-config-routes';
import { snsRoutes } from './routes/sns-routes';
import { tokenRoutes } from './routes/token-routes';
import type { EmulatorState } from './state';
import { TokenCallLog } from './token-calls';
import { TokenService } from './token-service';

export interface EmulatorOptions {
  clock: EmulatorClock;
  random?: RandomBytes;
  apps?: EmulatedApp[];
  deliverPush?: PushDeliverer;
  /** An open platform registered at start (the config file's `openPlatform`); its first ticket is pushed at once. */
  openPlatform?: OpenPlatformConfig;
  /** How often (real ms) the emulator's clock is checked for a due component_verify_ticket; 0 = never. */
  ticketPollMs?: number;
  /** Failures of the emulator itself (not WeChat errors); never receives secrets. */
  onError?: (err: unknown) => void;
}

export interface Emulator {
  app: Express;
  state: EmulatorState;
  /** Stops the emulator's own timers (the ticket schedule). */
  stop(): void;
}

export function createEmulatorState(options: EmulatorOptions): EmulatorState {
  const random = options.random ?? defaultRandomBytes;
  const apps = new AppRegistry();
  for (const a of options.apps ?? []) apps.register(a);
  return {
    clock: options.clock,
    random,
    apps,
    tokens: new TokenService(random),
    customers: new CustomerRegistry(random),
    media: new MediaStore(random),
    loginCodes: new LoginCodes(random),
    recorder: new Recorder(),
    faults: new FaultPlan(),
    deliverPush: options.deliverPush ?? defaultDeliverer,
    openPlatform: new OpenPlatform(random),
    tokenCalls: new TokenCallLog(),
  };
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const state = createEmulatorState(options);
  const app = express();
  app.disable('x-powered-by');
  // WeChat's side reads raw bytes: JSON errors must become 47001, not an Express 400.
  const admin = express.Router();
  admin.use(
    express.json({ limit: '12mb' }),
    adminRoutes(state),
    customerRoutes(state),
    pushConfigRoutes(state),
    openPlatformAdminRoutes(state),
    pageRoutes(state),
  );
  app.use('/emulator', admin);
  const raw = express.raw({ type: () => true, limit: '12mb' });
  app.use(
    raw,
    tokenRoutes(state),
    messageRoutes(state),
    mediaRoutes(state),
    snsRoutes(state),
    componentRoutes(state),
    componentLoginPageRoutes(state),
  );
  app.use(errorHandler(options.onError));
  const onError = options.onError ?? (() => undefined);
  if (options.openPlatform) {
    state.openPlatform.register(options.openPlatform);
    pushTicket(state).catch(onError);
  }
  const stop = options.ticketPollMs === 0 ? () => undefined : scheduleTickets(state, onError, options.ticketPollMs);
  return { app, state, stop };
}

function errorHandler(onError: ((err: unknown) => void) | undefined): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof EmulatorAdminError) {
      res.status(err.status).json({ error: err.message });
    } else if (err instanceof z.ZodError) {
      res.status(400).json({ error: z.prettifyError(err) });
    } else if (typeof (err as { status?: unknown })?.status === 'number' && (err as { status: number }).status < 500) {
      res.status((err as { status: number }).status).json({ error: 'bad request' });
    } else {
      onError?.(err);
      res.status(500).json({ error: 'internal error' });
    }
  };
}
