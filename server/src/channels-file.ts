// Channels from a JSON file (config as code): {"channels": [{id, name?, kind, appId, appSecret,
// originalId, token, encodingAesKey?, mode, format, tokenSource?, unionIdKey?, replayWindowSeconds?,
// graceSeconds?}]}. An entry is what the
// API and `kefu channels add` take, checked by the same schema; the name defaults to the id. An optional
// "platform": {componentAppId, appSecret, token, encodingAesKey} configures the open platform (第三方平台)
// when it is not configured yet. The file holds secrets: keep it readable by the server's user only.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { channelCreate, channelProblems } from './contract/channel';
import { platformFile } from './contract/open-platform';

const fileChannel = channelCreate.extend({ name: channelCreate.shape.name.optional() });

export type FileChannel = z.output<typeof channelCreate>;

export type FilePlatform = z.output<typeof platformFile>;

export function loadChannelsFile(path: string): FileChannel[] {
  return loadConfigFile(path).channels;
}

/** The channels and the open platform of the file. */
export function loadConfigFile(path: string): { channels: FileChannel[]; platform?: FilePlatform } {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = z.object({ channels: z.array(fileChannel).default([]), platform: platformFile.optional() }).safeParse(raw);
  // Messages name fields and rules only, never values: the file holds secrets.
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  const problems = parsed.data.channels.flatMap((c) => channelProblems(c).map((p) => `channel "${c.id}": ${p.replace(/^body\./, '')}`));
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  const channels = parsed.data.channels.map((c) => ({ ...c, name: c.name ?? c.id }));
  return { channels, ...(parsed.data.platform && { platform: parsed.data.platform }) };
}
