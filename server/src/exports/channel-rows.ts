// Channels as export rows (CLI and API): built from publicChannel's allow-list, so no AppSecret, Token,
// EncodingAESKey or UnionID key can reach a file, only whether the optional keys are set.
import { publicChannel, type ChannelRecord } from '../core/ports/channel-store';
import { isoCell, type Cell } from './csv';

export const CHANNEL_COLUMNS = [
  'id',
  'name',
  'kind',
  'appId',
  'originalId',
  'mode',
  'format',
  'tokenSource',
  'hasEncodingAesKey',
  'hasUnionIdKey',
  'createdAt',
  'updatedAt',
];

export function channelRow(record: ChannelRecord): Cell[] {
  const c = publicChannel(record);
  return [
    c.id,
    c.name,
    c.kind,
    c.appId,
    c.originalId,
    c.mode,
    c.format,
    c.tokenSource,
    c.hasEncodingAesKey,
    c.hasUnionIdKey,
    isoCell(c.createdAt),
    isoCell(c.updatedAt),
  ];
}
