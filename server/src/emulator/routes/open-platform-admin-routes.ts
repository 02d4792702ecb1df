// Admin API of the emulator's open platform (not WeChat's): register the platform (which pushes a first
// component_verify_ticket at once, so tests need not wait 10 minutes), push a ticket now, authorize an account
// without a browser (the same as confirming the authorization page), cancel an authorization, list them,
// and count token calls per account.
import { Router } from 'express';
import { z } from 'zod';
import { EmulatorAdminError } from '../errors';
import { authorizeAccount, revokeAccount } from '../open-platform-actions';
import { openPlatformView, parseOpenPlatform } from '../open-platform-config';
import { pushTicket } from '../open-platform-push';
import type { EmulatorState } from '../state';

const authorizeSchema = z.strictObject({
  preAuthCode: z.string().min(1),
  authorizerAppId: z.string().min(1),
  funcIds: z.array(z.number().int().positive()).optional(),
  authType: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  bizAppId: z.string().min(1).optional(),
  redirectUri: z.string().min(1).optional(),
});

const tokenCallsQuery = z.object({
  appId: z.string().optional(),
  api: z.string().optional(),
  since: z.coerce.number().int().optional(),
});

function overview(state: EmulatorState) {
  const p = state.openPlatform;
  return {
    platform: p.config ? openPlatformView(p.config) : null,
    nextTicketAt: p.nextTicketAt ?? null,
    authorizations: p.list().map(({ refreshToken: _r, ...a }) => a),
  };
}

export function openPlatformAdminRoutes(state: EmulatorState): Router {
  const r = Router();
  const register = async (body: unknown) => {
    state.openPlatform.register(parseOpenPlatform(body));
    const ticketPush = await pushTicket(state);
    return { ...overview(state), ticketPush };
  };
  r.put('/open-platform', async (req, res) => {
    res.json(await register(req.body));
  });
  r.post('/open-platform', async (req, res) => {
    res.status(201).json(await register(req.body));
  });
  r.get('/open-platform', (_req, res) => {
    res.json(overview(state));
  });
  r.post('/open-platform/ticket', async (_req, res) => {
    if (!state.openPlatform.config) throw new EmulatorAdminError(409, 'no open platform is registered');
    res.json(await pushTicket(state));
  });
  r.post('/open-platform/authorize', async (req, res) => {
    const b = authorizeSchema.parse(req.body ?? {});
    res.json(await authorizeAccount(state, b));
  });
  r.get('/open-platform/authorizations', (_req, res) => {
    res.json(overview(state).authorizations);
  });
  const revoke = async (appId: string) => ({ revoked: appId, push: await revokeAccount(state, appId) });
  r.post('/open-platform/authorizations/:appId/revoke', async (req, res) => {
    res.json(await revoke(String(req.params.appId)));
  });
  r.delete('/open-platform/authorizations/:appId', async (req, res) => {
    res.json(await revoke(String(req.params.appId)));
  });
  r.get('/token-calls', (req, res) => {
    const q = tokenCallsQuery.parse(req.query);
    const filter = { appId: q.appId, api: q.api, since: q.since };
    res.json({ counts: state.tokenCalls.counts(filter), calls: state.tokenCalls.list(filter) });
  });
  return r;
}
