// The node:crypto adapters of the credential ports, as the composition roots (compose.ts, the CLI) build them.
import type { PasswordHasher, SecretMinter } from '../core/ports/credentials';
import { RandomSecrets } from './bearer-secrets';
import { DEFAULT_COST, ScryptPasswordHasher, type ScryptCost } from './scrypt-password-hasher';

export { RandomSecrets } from './bearer-secrets';
export { ScryptPasswordHasher, type ScryptCost } from './scrypt-password-hasher';

export function nodeCredentials(cost: ScryptCost = DEFAULT_COST): { passwords: PasswordHasher; secrets: SecretMinter } {
  return { passwords: new ScryptPasswordHasher(cost), secrets: new RandomSecrets() };
}
export { randomPushSecrets } from './push-secrets';
