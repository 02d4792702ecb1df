// Identifiers the emulator hands out. Randomness is injected so tests can make them predictable.
import { randomBytes } from 'node:crypto';

export type RandomBytes = (size: number) => Buffer;

export const defaultRandomBytes: RandomBytes = (size) => randomBytes(size);

export function randomId(random: RandomBytes, bytes: number): string {
  return random(bytes).toString('base64url');
}

/** OpenIDs look like WeChat's: 28 characters starting with "o". */
export function newOpenId(random: RandomBytes): string {
  return `o${randomId(random, 21)}`;
}
