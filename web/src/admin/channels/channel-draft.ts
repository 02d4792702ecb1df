// A channel form's draft: the fields as typed, their checks (mirroring server/src/contract/
// channel.ts, so mistakes show before sending) and the request body they make.
import { useState } from 'react';
import type { Channel } from '../../api/types';
import type { channelMessages } from './messages';
import type { PushSecrets } from './secrets';

export type Kind = Channel['kind'];
export type Mode = Channel['mode'];
export type Format = Channel['format'];

export interface Draft {
  id: string;
  name: string;
  kind: Kind;
  appId: string;
  appSecret: string;
  originalId: string;
  mode: Mode;
  format: Format;
  tokenSource: Channel['tokenSource'];
  unionIdKey: string;
  removeUnionIdKey: boolean;
  agentsSeeUnionId: boolean;
  /** Seconds as typed; empty: the default for a new channel (300 s in plaintext mode), no window for an edit. */
  replayWindow: string;
  /** Minutes as typed: how long the previous Token, EncodingAESKey and mode stay valid after a change. */
  graceMinutes: string;
}

export type Problems = Partial<Record<keyof Draft, string>>;
export type SetField = <K extends keyof Draft>(key: K, value: Draft[K]) => void;
export type ChannelText = (key: keyof (typeof channelMessages)['zh'], params?: Record<string, string | number>) => string;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function draftOf(c: Channel | undefined): Draft {
  return {
    id: c?.id ?? '',
    name: c?.name ?? '',
    kind: c?.kind ?? 'miniprogram',
    appId: c?.appId ?? '',
    appSecret: '',
    originalId: c?.originalId ?? '',
    mode: c?.mode ?? 'secure',
    format: c?.format ?? 'json',
    tokenSource: c?.tokenSource ?? 'stable',
    unionIdKey: '',
    removeUnionIdKey: false,
    agentsSeeUnionId: c?.agentsSeeUnionId ?? false,
    replayWindow: c?.replayWindowSeconds == null ? '' : String(c.replayWindowSeconds),
    graceMinutes: String(Math.round((c?.graceSeconds ?? 1800) / 60)),
  };
}

const wholeIn = (text: string, min: number, max: number) => /^\d{1,7}$/.test(text) && Number(text) >= min && Number(text) <= max;

export function validateDraft(draft: Draft, isNew: boolean, t: ChannelText): Problems {
  const p: Problems = {};
  if (isNew && !/^[A-Za-z0-9_-]{1,64}$/.test(draft.id)) p.id = t('e_id');
  if (!draft.name.trim()) p.name = t('e_name');
  if (!/^wx[0-9a-zA-Z]{4,30}$/.test(draft.appId)) p.appId = t('e_appId');
  if ((isNew || draft.appSecret) && !/^[A-Za-z0-9]{8,64}$/.test(draft.appSecret)) p.appSecret = t('e_appSecret');
  if (!/^gh_[0-9a-zA-Z]+$/.test(draft.originalId)) p.originalId = t('e_originalId');
  if (draft.unionIdKey && ![16, 24, 32].includes(utf8Length(draft.unionIdKey))) p.unionIdKey = t('e_unionIdKey');
  if (draft.kind === 'official_account' && draft.format === 'json') p.format = t('e_oa_json');
  if (draft.replayWindow !== '' && !wholeIn(draft.replayWindow, 10, 604_800)) p.replayWindow = t('e_replayWindow');
  if (!wholeIn(draft.graceMinutes, 0, 10_080)) p.graceMinutes = t('e_graceMinutes');
  return p;
}

/** POST /channels (with the id) or PATCH /channels/:id: secrets only when typed, pasted or generated. */
export function requestBody(draft: Draft, secrets: Partial<PushSecrets>, isNew: boolean) {
  const common = {
    name: draft.name.trim(),
    kind: draft.kind,
    appId: draft.appId,
    originalId: draft.originalId,
    mode: draft.mode,
    format: draft.format,
    tokenSource: draft.tokenSource,
    ...(draft.appSecret && { appSecret: draft.appSecret }),
    ...secrets,
    ...(draft.unionIdKey ? { unionIdKey: draft.unionIdKey } : !isNew && draft.removeUnionIdKey ? { unionIdKey: null } : {}),
    agentsSeeUnionId: draft.agentsSeeUnionId,
    ...(draft.replayWindow !== '' ? { replayWindowSeconds: Number(draft.replayWindow) } : !isNew ? { replayWindowSeconds: null } : {}),
    graceSeconds: Number(draft.graceMinutes) * 60,
  };
  return isNew ? { id: draft.id, ...common } : common;
}

/** The draft, its problems (a field's clears when it changes) and the "saved" note (cleared by any change). */
export function useChannelDraft(channel: Channel | undefined) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(channel));
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<string | undefined>(undefined);
  const set: SetField = (key, value) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setProblems((p) => ({ ...p, [key]: undefined }));
    setDone(undefined);
  };
  return { draft, setDraft, set, problems, setProblems, done, setDone };
}
