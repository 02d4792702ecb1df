// Bearer secrets: API tokens (kft_…) and session tokens (kfs_…), 256 random bits each, kept only as their
// SHA-256. A fast hash is right here: the inputs are high-entropy, so there is nothing to brute-force.
import { createHash, randomBytes } from 'node:crypto';
import type { SecretMinter } from '../core/ports/credentials';

export type RandomBytes = (size: number) => Uint8Array;

export function newSecret(prefix: string, random: RandomBytes = randomBytes): string {
  return prefix + Buffer.from(random(32)).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The SecretMinter port with the system's random source (tests may pass their own). */
export class RandomSecrets implements SecretMinter {
  constructor(private readonly random: RandomBytes = randomBytes) {}

  mint(prefix: string): string {
    return newSecret(prefix, this.random);
  }

  hash(secret: string): string {
    return hashSecret(secret);
  }
}
