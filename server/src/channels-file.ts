// Channels from a JSON file: {"channels": [{id, kind, appId, appSecret, originalId, token,
// encodingAesKey?, mode, format, unionIdKey?}]}. The file holds secrets: keep it readable by the
// server's user only. (Issue 4 moves channels into the database, encrypted at rest.)
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChannelConfig } from './core/channel';

const channelSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    kind: z.enum(['miniprogram', 'official_account']),
    appId: z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/),
    appSecret: z.string().min(8).max(64),
    originalId: z.string().regex(/^gh_[0-9a-zA-Z]+$/),
    token: z.string().regex(/^[A-Za-z0-9]{3,32}$/),
    encodingAesKey: z.string().regex(/^[A-Za-z0-9]{43}$/).optional(),
    mode: z.enum(['plaintext', 'compatible', 'secure']),
    format: z.enum(['xml', 'json']),
    unionIdKey: z.string().optional(),
  })
  .refine((c) => c.mode === 'plaintext' || c.encodingAesKey !== undefined, { message: 'compatible and secure mode need encodingAesKey' })
  .refine((c) => c.kind === 'miniprogram' || c.format === 'xml', { message: 'official accounts push XML only' });

export type FileChannel = ChannelConfig & { appSecret: string; unionIdKey?: string };

export function loadChannelsFile(path: string): FileChannel[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = z.object({ channels: z.array(channelSchema) }).safeParse(raw);
  // The message names fields and rules only, never values: the file holds secrets.
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.channels.map((c) => ({ ...c, ...(c.encodingAesKey === undefined ? {} : { encodingAesKey: c.encodingAesKey }) }) as FileChannel);
}
