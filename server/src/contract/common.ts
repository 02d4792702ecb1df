// Building blocks shared by the route families' schemas.
import { z } from 'zod';
import { UNSAFE_NAME_MESSAGE, hasUnsafeCharacters } from '../core/safe-text';

export const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
/** Every name an admin types (agents, groups, merchants, calendars, channels, tokens): see core/safe-text.ts. */
export const name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((text) => !hasUnsafeCharacters(text), { message: UNSAFE_NAME_MESSAGE, params: { reason: 'unsafe_characters' } });
export const epochMs = z.int().min(0).describe('milliseconds since the epoch');

export const channelParams = z.strictObject({ channelId: id });
export const merchantFilterQuery = z.strictObject({
  merchantId: id.optional().describe('only this merchant; "platform" for the platform’s own team; default: every merchant you may see'),
});

/** Query strings arrive as text. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
