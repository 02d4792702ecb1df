import { writeFileSync } from 'node:fs';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { apiContext } from './api-context';
import { allRoutes } from './routes/index';

let f: ApiFixture;
beforeAll(async () => { f = await startApiFixture(); });
afterAll(() => f.close());
it('dumps', async () => {
  const res = await f.call('GET', '/api/v1/openapi.json');
  const routes = allRoutes(apiContext({ engine: f.engine.deps, channels: f.channels, auth: f.service }));
  const table = routes.map((r) => ({ ...r, run: undefined, params: r.params ? Object.keys((r.params as any).shape ?? {}) : null }));
  writeFileSync(process.env.DUMP_TO ?? '/tmp/openapi-before.json', res.text);
  writeFileSync((process.env.DUMP_TO ?? '/tmp/openapi-before.json') + '.routes', JSON.stringify(table.map((r) => [r.method, r.path, r.roles, r.status, r.tag, r.summary, r.params])));
});
