// The open platform's URLs (第三方平台), served like the push endpoint in front of Express:
//  - POST /wechat/component/events: 授权事件接收URL (component_verify_ticket, authorized, updateauthorized,
//    unauthorized), verified and decrypted for the component AppID (wechat/inbound/component-events.ts);
//  - GET|POST /wechat/component/<AppID>/messages: 消息与事件接收URL, typed in WeChat's console as
//    /wechat/component/$APPID$/messages. A push for an authorized account is verified with the platform's
//    Token and key (receiveId = the component AppID) and then stored and routed exactly as a channel's push
//    (answerPush); an unknown, revoked or other platform's authorizer is refused before anything is read;
//  - GET /wechat/component/authorized?auth_code=…: where the authorization page sends the admin back; the
//    authorization completes and the browser goes on to the console (`return`, a path on this server).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { PlatformEventOutcome, PublicAuthorization } from '../app/open-platform/index';
import { authorizedPushConfig, type Authorization, type PlatformSettings } from '../core/open-platform';
import { receivePlatformEvent, type PlatformEvent } from '../wechat/inbound/component-events';
import { MethodNotAllowedError, UnknownChannelError } from '../wechat/inbound/errors';
import type { PushQuery } from '../wechat/inbound/receive-push';
import { respondToFailure } from './error-handler';
import { answerPush, type PushHandlerDeps } from './push-handler';
import { decodeUtf8, readRawBody } from './raw-body';

export const COMPONENT_PREFIX = '/wechat/component/';

export interface ComponentPushDeps {
  /** The push endpoint's own dependencies: one way to store and answer a push. */
  push: PushHandlerDeps;
  settings(): Promise<PlatformSettings | undefined>;
  authorization(appId: string): Promise<Authorization | undefined>;
  /** app/open-platform's platformEventReceived. */
  onEvent(event: PlatformEvent): Promise<PlatformEventOutcome>;
  /** app/open-platform's completeAuthorization. */
  onAuthorized(authCode: string): Promise<PublicAuthorization>;
  logger: Logger;
}

function queryOf(search: string): PushQuery {
  const query: PushQuery = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

async function platform(deps: ComponentPushDeps): Promise<PlatformSettings> {
  const settings = await deps.settings();
  if (!settings) throw new UnknownChannelError('the open platform is not configured');
  return settings;
}

async function onEvents(deps: ComponentPushDeps, req: IncomingMessage, res: ServerResponse, query: PushQuery): Promise<void> {
  if (req.method !== 'POST') throw new MethodNotAllowedError('only POST');
  const settings = await platform(deps);
  const body = decodeUtf8(await readRawBody(req, deps.push.maxBodyBytes));
  const outcome = await deps.onEvent(receivePlatformEvent(settings, query, body));
  if (outcome.kind === 'revoked')
    deps.logger.warn(
      { appId: outcome.authorization.appId, channelId: outcome.authorization.channelId },
      'authorization revoked by the account',
    );
  else if (outcome.kind !== 'ticket_kept') deps.logger.info({ outcome: outcome.kind }, 'open platform event');
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': 7 });
  res.end('success');
}

async function onMessages(deps: ComponentPushDeps, req: IncomingMessage, res: ServerResponse, appId: string, query: PushQuery) {
  if (req.method !== 'GET' && req.method !== 'POST') throw new MethodNotAllowedError('only GET and POST');
  const settings = await platform(deps);
  const authorization = await deps.authorization(appId);
  if (authorization?.state !== 'authorized' || authorization.componentAppId !== settings.componentAppId) {
    throw new UnknownChannelError('no account of this platform has that AppID');
  }
  const channel = await deps.push.channels.find(authorization.channelId);
  if (channel === undefined) throw new UnknownChannelError('the authorized account’s channel is gone');
  await answerPush(deps.push, req, res, authorizedPushConfig(channel, settings), query);
}

/** Only a path on this server (never `//host`): the redirect cannot send the admin elsewhere. */
function returnPath(query: PushQuery): string {
  const value = query.return;
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/app/';
}

async function onAuthorized(deps: ComponentPushDeps, req: IncomingMessage, res: ServerResponse, query: PushQuery): Promise<void> {
  if (req.method !== 'GET') throw new MethodNotAllowedError('only GET');
  const back = returnPath(query);
  const join = back.includes('?') ? '&' : '?';
  let location: string;
  try {
    const code = query.auth_code;
    if (typeof code !== 'string' || code === '') throw new UnknownChannelError('no auth_code');
    const authorization = await deps.onAuthorized(code);
    location = `${back}${join}authorized=${encodeURIComponent(authorization.channelId)}`;
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'authorization not completed');
    const code = (error as { code?: unknown }).code;
    location = `${back}${join}authorization_error=${encodeURIComponent(typeof code === 'string' ? code : 'failed')}`;
  }
  res.writeHead(303, { location, 'content-length': 0, 'cache-control': 'no-store' });
  res.end();
}

function route(deps: ComponentPushDeps, req: IncomingMessage, res: ServerResponse, path: string, query: PushQuery): Promise<void> {
  const rest = path.slice(COMPONENT_PREFIX.length);
  if (rest === 'events') return onEvents(deps, req, res, query);
  if (rest === 'authorized') return onAuthorized(deps, req, res, query);
  const messages = /^(wx[0-9A-Za-z]{4,30})\/messages$/.exec(rest);
  if (messages) return onMessages(deps, req, res, messages[1] as string, query);
  return Promise.reject(new UnknownChannelError('no such open platform URL'));
}

/** Handles `/wechat/component/…` and returns true, or returns false for any other URL. */
export function componentPushHandler(deps: ComponentPushDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(COMPONENT_PREFIX)) return false;
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const fail = (err: unknown) =>
      respondToFailure(
        deps.logger,
        err,
        { method: req.method, url, route: '/wechat/component', channelId: undefined, socket: req.socket },
        res,
      );
    route(deps, req, res, path, queryOf(q === -1 ? '' : url.slice(q + 1))).catch(fail);
    return true;
  };
}
