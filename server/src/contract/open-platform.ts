// The open platform (第三方平台) as the API, the command line and the channels file take it. Its secrets
// (AppSecret, Token, EncodingAESKey) are write-only: answers say only whether they are set.
import { z } from 'zod';
import { epochMs } from './common';

const componentAppId = z.string().regex(/^wx[0-9a-zA-Z]{4,30}$/, 'a component AppID (wx…)');
const appSecret = z.string().regex(/^[A-Za-z0-9]{8,64}$/, '8 to 64 letters and digits');
const token = z.string().regex(/^[A-Za-z0-9]{3,32}$/, '3 to 32 letters and digits (WeChat’s rule)');
const encodingAesKey = z.string().regex(/^[A-Za-z0-9]{43}$/, '43 letters and digits');

/** PUT /platform: the first configuration needs every field; later ones may leave secrets out (kept). */
export const platformChange = z.strictObject({
  componentAppId: componentAppId.optional(),
  appSecret: appSecret.optional().describe('write-only: the component AppSecret; absent keeps the stored one'),
  token: token.optional().describe('write-only: the platform’s 消息校验Token; absent keeps the stored one'),
  encodingAesKey: encodingAesKey.optional().describe('write-only: the platform’s 消息加解密Key; absent keeps the stored one'),
});

/** The channels file's `platform` section: the whole configuration. */
export const platformFile = z.strictObject({
  componentAppId,
  appSecret,
  token,
  encodingAesKey,
});

export const platform = z.object({
  configured: z.boolean(),
  componentAppId: z.string().nullable(),
  appSecretSet: z.boolean(),
  tokenSet: z.boolean(),
  encodingAesKeySet: z.boolean(),
  ticketReceivedAt: epochMs.nullable().describe('when the latest component_verify_ticket arrived (WeChat pushes one every 10 minutes)'),
  ticketValid: z.boolean().describe('a ticket younger than 12 hours is held: authorization links can be made'),
  eventsPath: z.string().describe('授权事件接收URL: this path on the server’s public origin'),
  messagesPath: z.string().describe('消息与事件接收URL, with WeChat’s $APPID$ placeholder'),
  redirectPath: z.string().describe('where the authorization page sends the admin back'),
  updatedAt: epochMs.nullable(),
});

export const authorizationLinkCreate = z.strictObject({
  target: z.enum(['official_account', 'miniprogram', 'both']).describe('auth_type 1, 2 or 3 of WeChat’s authorization page'),
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])[\x21-\x7e]*$/, 'a path on this server')
    .optional()
    .describe('where the browser goes once authorized, with ?authorized=<channelId> or ?authorization_error=<code>; default /app/'),
});

export const authorizationLink = z.object({
  url: z.string().describe('WeChat’s authorization page (PC: scan the QR code with WeChat)'),
  mobileUrl: z.string().describe('the same page inside WeChat on a phone'),
  expiresAt: epochMs.describe('the pre_auth_code’s end: make a new link after it'),
});

const neededPermission = z.object({ id: z.int(), name: z.string(), breaks: z.string().describe('what does not work without it') });

export const authorization = z.object({
  appId: z.string(),
  channelId: z.string(),
  kind: z.enum(['miniprogram', 'official_account']),
  state: z.enum(['authorized', 'revoked']).describe('revoked: the account withdrew it; the channel and its history stay, nothing is sent'),
  permissions: z.array(z.object({ id: z.int(), name: z.string().nullable() })),
  missingPermissions: z.array(neededPermission),
  authorizedAt: epochMs,
  updatedAt: epochMs,
  revokedAt: epochMs.nullable(),
});

export const channelAuthorization = z.object({
  authorization: authorization.nullable().describe('null: the channel is connected by developer authorization (AppSecret)'),
});
