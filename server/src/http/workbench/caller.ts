// The authenticated caller of a workbench route, through the API's own authentication (the cookie has
// already become a bearer header in cookie-auth.ts).
import type { Request, Response } from 'express';
import { authenticate } from '../api/auth/authenticate';
import type { Principal } from '../api/auth/principal';
import type { WorkbenchDeps } from './workbench-deps';

export async function callerOf(deps: WorkbenchDeps, req: Request, res: Response): Promise<Principal> {
  try {
    return await authenticate({ stores: deps.auth.stores, uow: deps.uow, clock: deps.clock }, req.get('authorization'));
  } catch (err) {
    res.set('www-authenticate', 'Bearer');
    throw err;
  }
}
