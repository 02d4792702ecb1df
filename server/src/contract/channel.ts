// Channels as the API takes them. Secrets (AppSecret, Token, EncodingAESKey, UnionID key) are write-only:
// accepted here, answered only as "is set" (publicChannel in core/ports/channel-store.ts).
import { z } from 'zod';
import { epochMs, name } from './common';

const channelId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1 to 64 letters, digits, _ or -');
const appSecret = z.string().regex(/^[A-Za-z0-9]{8,64}$/, '8 to 64 letters and digits');
const token = z.string().regex(/^[A-Za-z0-9]{3,32}$/, '3 to 32 letters and digits (WeChat’s rule)');
const encodingAesKey = z.string().regex(/^[A-Za-z0-9]{43}$/, '43 letters and digits');
const unionIdKey = z.string().refine((k) => [16, 24, 32].includes(Buffer.byteLength(k, 'utf8')), '16, 24 or 32 bytes (AES-128/192/256)');
const replayWindowSeconds = z
  .int()
  .min(10)
  .max(7 * 86_400)
  .describe('pushes and URL checks whose timestamp is further than this from now are refused; default 300 for plaintext, none otherwise');
const graceSeconds = z
  .int()
  .min(0)
  .max(7 * 86_400)
  .describe('how long the previous Token, EncodingAESKey and mode stay valid after a change (default 1800; 0: none)');
const agentsSeeUnionId = z.boolean().describe('agents see customers’ decrypted UnionIDs (admins always do); default false');

const publicFields = {
  name,
  kind: z.enum(['miniprogram', 'official_account']),
  appId: z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/, 'an AppID (wx…)'),
  originalId: z.string().regex(/^gh_[0-9a-zA-Z]+$/, 'an original ID (gh_…)'),
  mode: z.enum(['plaintext', 'compatible', 'secure']),
  format: z.enum(['xml', 'json']),
  tokenSource: z
    .enum(['stable', 'basic'])
    .describe('which WeChat API fetches access tokens: stable_token (default) or the basic cgi-bin/token'),
};

/** The rules across fields (one EncodingAESKey rule, one format rule) are the channel stories'. */
export { channelProblems } from '../app/admin/channels';

/** What a credential check takes: the fields WeChat's token API needs. */
export const credentialsCheck = z.strictObject({ kind: publicFields.kind, appId: publicFields.appId, appSecret });
export const storedCredentialsCheck = z.strictObject({
  appSecret: appSecret.optional().describe('a new AppSecret to try before saving it; absent: the stored one'),
});
export const credentialsAnswer = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    errcode: z.int().nullable().describe('WeChat’s errcode; null when WeChat could not be reached'),
    errmsg: z.string(),
    explanation: z.string().describe('what to do, in English'),
  }),
]);

export const channelCreate = z.strictObject({
  id: channelId,
  ...publicFields,
  tokenSource: publicFields.tokenSource.default('stable'),
  appSecret,
  token: token.describe('write-only: the push Token typed into WeChat’s console (the browser generates one)'),
  encodingAesKey: encodingAesKey
    .optional()
    .describe('write-only: the EncodingAESKey typed into WeChat’s console (the browser generates one)'),
  unionIdKey: unionIdKey.optional(),
  agentsSeeUnionId: agentsSeeUnionId.optional(),
  replayWindowSeconds: replayWindowSeconds.optional(),
  graceSeconds: graceSeconds.optional(),
});

export const channelUpdate = z.strictObject({
  name: publicFields.name.optional(),
  kind: publicFields.kind.optional(),
  appId: publicFields.appId.optional(),
  originalId: publicFields.originalId.optional(),
  mode: publicFields.mode.optional(),
  format: publicFields.format.optional(),
  tokenSource: publicFields.tokenSource.optional(),
  appSecret: appSecret.optional().describe('write-only; absent keeps the current one'),
  token: token.optional().describe('write-only; absent keeps the current one'),
  encodingAesKey: encodingAesKey.nullable().optional().describe('write-only; null removes it'),
  unionIdKey: unionIdKey.nullable().optional().describe('write-only; null removes it'),
  agentsSeeUnionId: agentsSeeUnionId.optional(),
  replayWindowSeconds: replayWindowSeconds.nullable().optional().describe('null: no replay window'),
  graceSeconds: graceSeconds.nullable().optional().describe('null: the default (1800)'),
});

export const channel = z.object({
  id: channelId,
  ...publicFields,
  hasEncodingAesKey: z.boolean(),
  hasUnionIdKey: z.boolean(),
  appSecretSet: z.boolean(),
  tokenSet: z.boolean(),
  encodingAesKeySet: z.boolean(),
  agentsSeeUnionId: z.boolean(),
  replayWindowSeconds: z.int().nullable().describe('null: no replay window'),
  graceSeconds: z.int(),
  previousValidUntil: epochMs
    .nullable()
    .describe('after a change of Token, EncodingAESKey or mode, the previous values are accepted until then; null: none'),
  previousMode: publicFields.mode.nullable().describe('the mode before that change'),
  lastVerifiedAt: epochMs.nullable().describe('when WeChat last verified the push URL (GET with echostr)'),
  lastPushAt: epochMs.nullable().describe('when the last push arrived (recorded at most about once a minute)'),
  archivedAt: epochMs.nullable().describe('when a platform admin archived the channel; null: not archived'),
  pushPath: z.string().describe('where WeChat pushes, "/wechat/<channelId>": the console’s URL is this path on the server’s public origin'),
  createdAt: epochMs,
  updatedAt: epochMs,
});
