// Test support (no tests here): an AuthService as the composition root builds it, with a cheap scrypt
// cost so tests that hash passwords stay fast, and ULIDs for tokens and accounts.
import { AuthService, type AuthServiceDeps } from '../../app/auth/auth-service';
import { TimeSortableIds } from '../../storage/time-sortable-ids';
import { RandomSecrets } from '../bearer-secrets';
import { ScryptPasswordHasher } from '../scrypt-password-hasher';

export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

export function testAuthService(deps: Pick<AuthServiceDeps, 'stores' | 'uow' | 'clock'> & Partial<AuthServiceDeps>): AuthService {
  return new AuthService({
    ids: new TimeSortableIds(deps.clock),
    passwords: new ScryptPasswordHasher(FAST_SCRYPT),
    secrets: new RandomSecrets(),
    ...deps,
  });
}
