// Webhook endpoints for admins: register per channel (merchant admins: their merchant's events), list,
// enable or disable, delete, send a test event, read the delivery log. The secret is answered once, at
// creation. Stories in app/webhooks; this file only parses and shapes.
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  sendTestEvent,
  setWebhookEnabled,
  webhookInReach,
  webhookLog,
} from '../../../app/webhooks/manage-webhooks';
import type { WebhookDeps } from '../../../app/webhooks/webhook-deps';
import { notFound } from '../../../app/errors';
import { channelParams, list } from '../../../contract/common';
import {
  webhook,
  webhookChange,
  webhookCreate,
  webhookCreated,
  webhookLog as webhookLogSchema,
  webhookLogQuery,
  webhookParams,
  webhookTestSent,
} from '../../../contract/webhooks';
import type { ApiContext } from '../api-context';
import { ADMINS, route, type ApiRoute } from '../route-table';

const TAG = 'webhooks';

export function webhookRoutes(ctx: ApiContext): ApiRoute[] {
  const deps = (): WebhookDeps => {
    if (!ctx.webhooks) throw notFound('webhooks');
    return { ...ctx.webhooks, audit: ctx.admin.audit, auth: ctx.admin.auth };
  };
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/webhooks',
      tag: TAG,
      summary: 'List the channel’s webhook endpoints (merchant admins: their merchant’s)',
      roles: ADMINS,
      params: channelParams,
      response: list(webhook),
      handle: async ({ principal, params }) => ({ items: await listWebhooks(deps(), principal, params.channelId) }),
    }),
    route({
      method: 'post',
      path: '/channels/:channelId/webhooks',
      tag: TAG,
      summary: 'Register a webhook endpoint; the answer holds its signing secret, shown this once',
      roles: ADMINS,
      params: channelParams,
      body: webhookCreate,
      response: webhookCreated,
      status: 201,
      handle: async ({ principal, params, body }) => {
        const { endpoint, secret } = await createWebhook(deps(), principal, { channelId: params.channelId, ...body });
        return { webhook: endpoint, secret };
      },
    }),
    route({
      method: 'get',
      path: '/webhooks/:webhookId',
      tag: TAG,
      summary: 'Read a webhook endpoint (never its secret)',
      roles: ADMINS,
      params: webhookParams,
      response: webhook,
      handle: ({ principal, params }) => webhookInReach(deps(), principal, params.webhookId),
    }),
    route({
      method: 'patch',
      path: '/webhooks/:webhookId',
      tag: TAG,
      summary: 'Enable or disable a webhook endpoint (a disabled one gets no new events; pending ones wait)',
      roles: ADMINS,
      params: webhookParams,
      body: webhookChange,
      response: webhook,
      handle: ({ principal, params, body }) => setWebhookEnabled(deps(), principal, params.webhookId, body.enabled),
    }),
    route({
      method: 'delete',
      path: '/webhooks/:webhookId',
      tag: TAG,
      summary: 'Delete a webhook endpoint with its pending deliveries and its log',
      roles: ADMINS,
      params: webhookParams,
      handle: ({ principal, params }) => deleteWebhook(deps(), principal, params.webhookId),
    }),
    route({
      method: 'post',
      path: '/webhooks/:webhookId/test',
      tag: TAG,
      summary: 'Send a webhook.test event to this endpoint, stored and delivered like any event',
      roles: ADMINS,
      params: webhookParams,
      response: webhookTestSent,
      status: 202,
      handle: ({ principal, params }) => sendTestEvent(deps(), principal, params.webhookId),
    }),
    route({
      method: 'get',
      path: '/webhooks/:webhookId/deliveries',
      tag: TAG,
      summary: 'The delivery log: attempts (status code, latency, error) newest first, and the latest deliveries',
      roles: ADMINS,
      params: webhookParams,
      query: webhookLogQuery,
      response: webhookLogSchema,
      handle: ({ principal, params, query }) => webhookLog(deps(), principal, params.webhookId, query),
    }),
  ];
}
