// The OpenAPI document: valid JSON, every route present, secrets marked write-only by absence.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { apiContext } from './api-context';
import { allRoutes } from './routes/index';

let f: ApiFixture;
beforeAll(async () => {
  f = await startApiFixture();
});
afterAll(() => f.close());

describe('GET /api/v1/openapi.json', () => {
  it('is served without credentials and lists every route with its roles', async () => {
    const res = await f.call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    const routes = allRoutes(apiContext({ engine: f.engine.deps, channels: f.channels, auth: f.service }));
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method];
      expect(op).toBeDefined();
      expect(op.summary).toBe(r.summary);
      expect(op['x-roles']).toEqual(r.roles === 'public' ? [] : r.roles);
    }
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p as object).map((o) => (o as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes bodies, parameters and answers from the zod schemas', async () => {
    const doc = (await f.call('GET', '/api/v1/openapi.json')).json;
    const create = doc.paths['/channels'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['appSecret', 'token']));
    const answer = create.responses['201'].content['application/json'].schema;
    expect(Object.keys(answer.properties)).not.toEqual(expect.arrayContaining(['appSecret']));
    for (const secret of ['appSecret', 'token', 'encodingAesKey', 'unionIdKey']) expect(answer.properties[secret]).toBeUndefined();
    const list = doc.paths['/channels/{channelId}/conversations'].get;
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:channelId', 'query:state', 'query:limit', 'query:before', 'query:merchantId']),
    );
    expect(doc.paths['/auth/login'].post.security).toEqual([]);
    // Answers that are not JSON say what they are.
    expect(Object.keys(doc.paths['/channels/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/channels/{channelId}/conversations/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/media/{mediaId}'].get.responses['200'].content)).toEqual(['image/*']);
    const reply = doc.paths['/conversations/{conversationId}/reply'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(reply.properties)).toEqual(['text', 'image', 'card', 'knowledge', 'quickReply', 'agentId']);
  });
});
