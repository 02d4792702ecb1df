// Channels from a JSON file (config as code): {"channels": [{id, name?, kind, appId, appSecret,
// originalId, token, encodingAesKey?, mode, format, tokenSource?, unionIdKey?, replayWindowSeconds?,
// graceSeconds?}]}. An entry is what the
// API and `kefu channels add` take, checked by the same schema; the name defaults to the id. The file
// holds secrets: keep it readable by the server's user only.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { channelCreate, channelProblems } from './contract/channel';

const fileChannel = channelCreate.extend({ name: channelCreate.shape.name.optional() });

export type FileChannel = z.output<typeof channelCreate>;

export function loadChannelsFile(path: string): FileChannel[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = z.object({ channels: z.array(fileChannel) }).safeParse(raw);
  // Messages name fields and rules only, never values: the file holds secrets.
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  const problems = parsed.data.channels.flatMap((c) => channelProblems(c).map((p) => `channel "${c.id}": ${p.replace(/^body\./, '')}`));
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return parsed.data.channels.map((c) => ({ ...c, name: c.name ?? c.id }));
}
