// The customer half of the emulator (admin side, not WeChat's API): a user acts, the window opens,
// and WeChat's push goes to the app's server. Also wx.login codes for sns/jscode2session.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { EmulatedApp } from '../apps';
import { buildCustomerMessage, customerMessageSchema, actionOf } from '../customer-messages';
import { EmulatorAdminError } from '../errors';
import { pushTargetFor } from '../open-platform-push';
import { describeAnswer } from '../push-delivery';
import type { EmulatorState } from '../state';

const newCustomerSchema = z.object({
  openId: z.string().min(1).max(64).optional(),
  unionId: z.string().min(1).max(64).nullable().optional(),
});

export function appOf(state: EmulatorState, req: Request): EmulatedApp {
  const app = state.apps.find(String(req.params.appId));
  if (!app) throw new EmulatorAdminError(404, `unknown app ${String(req.params.appId)}`);
  return app;
}

export function customerView(c: {
  openId: string;
  unionId: string | null;
  subscribed: boolean;
  window?: { remaining: number; expiresAt: number };
}) {
  return { openId: c.openId, unionId: c.unionId, subscribed: c.subscribed, window: c.window ?? null };
}

export function customerRoutes(state: EmulatorState): Router {
  const r = Router();
  r.get('/apps/:appId/customers', (req, res) => {
    res.json(state.customers.list(appOf(state, req).appId).map(customerView));
  });
  r.post('/apps/:appId/customers', (req, res) => {
    const body = newCustomerSchema.parse(req.body ?? {});
    res.status(201).json(customerView(state.customers.ensure(appOf(state, req).appId, body.openId, body.unionId)));
  });
  r.post('/apps/:appId/customers/:openId/login', (req, res) => {
    const app = appOf(state, req);
    const customer = state.customers.ensure(app.appId, String(req.params.openId));
    res.json({ code: state.loginCodes.issue(app.appId, customer.openId, state.clock.now()) });
  });
  r.post('/apps/:appId/customers/:openId/messages', async (req, res) => {
    const app = appOf(state, req);
    const input = customerMessageSchema.parse(req.body ?? {});
    const customer = state.customers.ensure(app.appId, String(req.params.openId));
    const message = buildCustomerMessage(state, app, customer, input);
    // The window opens before the push: a server may answer through custom/send while handling it.
    state.customers.recordAction(customer, app.kind, actionOf(input.type), state.clock.now());
    const push = input.deliver ? await deliver(state, app, customer.openId, message) : null;
    res.json({ message, customer: customerView(customer), push });
  });
  return r;
}

async function deliver(state: EmulatorState, app: EmulatedApp, openId: string, message: Parameters<EmulatorState['deliverPush']>[1]) {
  // An account authorized to the open platform pushes to the platform's message URL, with its key.
  const target = pushTargetFor(state, app);
  const at = state.clock.now();
  if (typeof target === 'string') {
    state.recorder.add({ type: 'push', at, appId: app.appId, openId, message, error: target });
    return { delivered: false, error: target };
  }
  try {
    const res = await state.deliverPush(target, message);
    const answer = describeAnswer(target, res);
    state.recorder.add({ type: 'push', at, appId: app.appId, openId, message, status: res.status, response: answer });
    return { delivered: true, status: res.status, answer };
  } catch (err) {
    const error = `push failed: ${err instanceof Error ? err.message : String(err)}`;
    state.recorder.add({ type: 'push', at, appId: app.appId, openId, message, error });
    return { delivered: false, error };
  }
}
