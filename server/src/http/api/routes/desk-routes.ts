// Internal notes and tags: the rules are the stories' (app/desk/notes.ts, app/desk/tags.ts).
import { z } from 'zod';
import type { DeskDeps } from '../../../app/desk/desk-deps';
import { addNote, listNotes } from '../../../app/desk/notes';
import {
  conversationTags,
  createTag,
  customerTags,
  deleteTag,
  listTags,
  setConversationTags,
  setCustomerTags,
  updateTag,
} from '../../../app/desk/tags';
import { channelParams, id, list } from '../../../contract/common';
import { merchantQuery, note, noteBody, tag, tagCreate, tagIds, tagIdsBody, tagUpdate } from '../../../contract/desk';
import type { ApiContext } from '../api-context';
import { ADMINS, ALL_ROLES, route, type ApiRoute } from '../route-table';
import { deskDeps } from './desk-support';

const conversationParams = z.strictObject({ conversationId: id });
const tagParams = z.strictObject({ tagId: id });
const customerParams = z.strictObject({ customerId: id });

export function deskRoutes(ctx: ApiContext): ApiRoute[] {
  return [...noteRoutes(deskDeps(ctx)), ...tagRoutes(deskDeps(ctx))];
}

function noteRoutes(deps: DeskDeps): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/conversations/:conversationId/notes',
      tag: 'notes',
      summary: 'The conversation’s internal notes, oldest first (whoever may see the conversation)',
      roles: ALL_ROLES,
      params: conversationParams,
      response: list(note),
      handle: async ({ principal, params }) => ({ items: await listNotes(deps, principal, params.conversationId) }),
    }),
    route({
      method: 'post',
      path: '/conversations/:conversationId/notes',
      tag: 'notes',
      summary: 'Add an internal note: colleagues and admins who may see the conversation read it; the customer is never sent it',
      roles: ALL_ROLES,
      params: conversationParams,
      body: noteBody,
      response: note,
      status: 201,
      handle: async ({ principal, params, body }) => addNote(deps, principal, params.conversationId, body.text),
    }),
  ];
}

function tagRoutes(deps: DeskDeps): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/channels/:channelId/tags',
      tag: 'tags',
      summary: 'The tags of your merchant (platform admins: of `merchantId`), by name',
      roles: ALL_ROLES,
      params: channelParams,
      query: merchantQuery,
      response: list(tag),
      handle: async ({ principal, params, query }) => ({ items: await listTags(deps, principal, params.channelId, query.merchantId) }),
    }),
    route({
      method: 'post',
      path: '/channels/:channelId/tags',
      tag: 'tags',
      summary: 'Create a tag (name unique within the merchant: 409 tag_exists)',
      roles: ADMINS,
      params: channelParams,
      body: tagCreate,
      response: tag,
      status: 201,
      handle: async ({ principal, params, body: { merchantId, ...input } }) =>
        createTag(deps, principal, params.channelId, merchantId, input),
    }),
    route({
      method: 'patch',
      path: '/tags/:tagId',
      tag: 'tags',
      summary: 'Rename or recolour a tag',
      roles: ADMINS,
      params: tagParams,
      body: tagUpdate,
      response: tag,
      handle: async ({ principal, params, body }) =>
        updateTag(deps, principal, params.tagId, {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.color !== undefined && { color: body.color }),
        }),
    }),
    route({
      method: 'delete',
      path: '/tags/:tagId',
      tag: 'tags',
      summary: 'Delete a tag, and take it off every conversation and customer',
      roles: ADMINS,
      params: tagParams,
      handle: async ({ principal, params }) => deleteTag(deps, principal, params.tagId),
    }),
    ...useRoutes(deps),
  ];
}

function useRoutes(deps: DeskDeps): ApiRoute[] {
  return [
    route({
      method: 'get',
      path: '/conversations/:conversationId/tags',
      tag: 'tags',
      summary: 'The conversation’s tags',
      roles: ALL_ROLES,
      params: conversationParams,
      response: tagIds,
      handle: async ({ principal, params }) => ({ tagIds: await conversationTags(deps, principal, params.conversationId) }),
    }),
    route({
      method: 'put',
      path: '/conversations/:conversationId/tags',
      tag: 'tags',
      summary: 'Set the conversation’s tags (those who may act on it; tags of its merchant only)',
      roles: ALL_ROLES,
      params: conversationParams,
      body: tagIdsBody.omit({ merchantId: true }),
      response: tagIds,
      handle: async ({ principal, params, body }) => ({
        tagIds: await setConversationTags(deps, principal, params.conversationId, body.tagIds),
      }),
    }),
    route({
      method: 'get',
      path: '/customers/:customerId/tags',
      tag: 'tags',
      summary: 'The customer’s tags of your merchant',
      roles: ALL_ROLES,
      params: customerParams,
      query: merchantQuery,
      response: tagIds,
      handle: async ({ principal, params, query }) => ({
        tagIds: await customerTags(deps, principal, params.customerId, query.merchantId),
      }),
    }),
    route({
      method: 'put',
      path: '/customers/:customerId/tags',
      tag: 'tags',
      summary: 'Set the customer’s tags of your merchant (other merchants’ tags on them stay)',
      roles: ALL_ROLES,
      params: customerParams,
      body: tagIdsBody,
      response: tagIds,
      handle: async ({ principal, params, body }) => ({
        tagIds: await setCustomerTags(deps, principal, params.customerId, body.merchantId, body.tagIds),
      }),
    }),
  ];
}
