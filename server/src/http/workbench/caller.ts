// The authenticated caller of a workbench route, through the API's own authentication (the cookie has
// already become a bearer header in cookie-auth.ts).
import type { Request, Response } from 'express';
import { bearerOf } from '../api/bearer';
import type { Principal } from '../../app/auth/principal';
import type { WorkbenchDeps } from './workbench-deps';

export async function callerOf(deps: WorkbenchDeps, req: Request, res: Response): Promise<Principal> {
  try {
    return await deps.auth.authenticate(bearerOf(req.get('authorization')));
  } catch (err) {
    res.set('www-authenticate', 'Bearer');
    throw err;
  }
}
