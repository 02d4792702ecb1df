// The OpenAPI 3.1 document, generated from the route table and its zod schemas (JSON Schema 2020-12,
// which is OpenAPI 3.1's schema dialect). Served at /api/v1/openapi.json.
import { z } from 'zod';
import type { ApiRoute } from './route-table';

type Json = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Invalid input (the message names the field)',
  '401': 'No valid credentials',
  '403': 'The caller’s role or merchant may not do this',
  '404': 'Not found',
  '409': 'Conflict with the current state',
};

function parameters(r: ApiRoute): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ['path', r.params],
    ['query', r.query],
  ] as const) {
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
    for (const [name, field] of Object.entries(shape)) {
      const optional = field.safeParse(undefined).success;
      list.push({ name, in: where, required: where === 'path' || !optional, schema: toSchema(field, 'input') });
    }
  }
  return list;
}

function operation(r: ApiRoute): Json {
  const status = String(r.status ?? (r.response || r.produces ? 200 : 204));
  const success = r.produces
    ? {
        description: r.produces.description,
        content: { [r.produces.contentType]: { schema: { type: 'string', contentMediaType: r.produces.contentType } } },
      }
    : r.response
      ? { description: 'OK', content: { 'application/json': { schema: toSchema(r.response, 'output') } } }
      : { description: 'Done' };
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES)
      .filter(([code]) => r.roles !== 'public' || code === '400')
      .map(([code, description]) => [
        code,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
  );
  return {
    tags: [r.tag],
    summary: r.summary,
    ...(r.description !== undefined && { description: r.description }),
    operationId: `${r.method}${r.path.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
    security: r.roles === 'public' ? [] : [{ bearer: [] }],
    'x-roles': r.roles === 'public' ? [] : [...r.roles],
    ...(r.audit !== undefined && { 'x-audit': r.audit }),
    parameters: parameters(r),
    ...(r.body && { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } }),
    responses: { [status]: success, ...errors },
  };
}

export function openApiDocument(routes: readonly ApiRoute[], info: { version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [r.method]: operation(r) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'WeChat kefu API',
      version: info.version,
      description:
        'Channels, agents, routing and conversations of the WeChat customer-service server. Authenticate with `Authorization: Bearer <API token or session token>`.',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (kft_…) or a session token from POST /auth/login (kfs_…)' },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', description: 'stable machine code (invalid_request, not_found, code_taken…)' },
                message: { type: 'string', description: 'English, for developers and logs' },
                field: {
                  type: 'string',
                  description: 'a refused input’s path in its part (body, query or path): "timeZone", "hours.0.start"',
                },
                reason: {
                  type: 'string',
                  description: 'why the field was refused: too_small, too_big, invalid_type, invalid_format, time_zone…',
                },
                params: { type: 'object', description: 'the rule’s figures (minimum, maximum, expected, values); never the value sent' },
              },
            },
          },
        },
      },
    },
  };
}
