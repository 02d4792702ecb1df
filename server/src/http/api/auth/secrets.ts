// Bearer secrets: API tokens (kft_…) and session tokens (kfs_…), 256 random bits each, kept only as their
// SHA-256. A fast hash is right here: the inputs are high-entropy, so there is nothing to brute-force.
import { createHash, randomBytes } from 'node:crypto';

export const API_TOKEN_PREFIX = 'kft_';
export const SESSION_TOKEN_PREFIX = 'kfs_';

export type RandomBytes = (size: number) => Uint8Array;

export function newSecret(prefix: string, random: RandomBytes = randomBytes): string {
  return prefix + Buffer.from(random(32)).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Ids of tokens, accounts and records the API creates: short, random, with a readable prefix. */
export function newId(prefix: string, random: RandomBytes = randomBytes): string {
  return `${prefix}_${Buffer.from(random(12)).toString('base64url')}`;
}
