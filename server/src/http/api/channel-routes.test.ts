// Channels over real HTTP: secrets are write-only, every answer is searched for them.
import { SECRETS, startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
const answers: string[] = [];
beforeEach(async () => {
  f = await startApiFixture();
  const call = f.call;
  f.call = async (...args) => {
    const res = await call(...args);
    answers.push(res.text);
    return res;
  };
});
afterEach(() => f.close());

const NEW = {
  id: 'oa1',
  name: 'Official',
  kind: 'official_account',
  appId: 'wxabcdef123456',
  originalId: 'gh_abcdef',
  mode: 'plaintext',
  format: 'xml',
  appSecret: 'AnotherSecret0002',
  token: 'AnotherToken2',
};

describe('channels', () => {
  it('creates, reads, lists, updates and deletes, never answering a secret', async () => {
    const created = await f.call('POST', '/api/v1/channels', f.tokens.platform, NEW);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'oa1', tokenSource: 'stable', hasEncodingAesKey: false, hasUnionIdKey: false });
    expect((await f.call('GET', '/api/v1/channels', f.tokens.platform)).json.items).toHaveLength(2);
    const updated = await f.call('PATCH', '/api/v1/channels/ch1', f.tokens.platform, { name: 'Renamed', unionIdKey: null });
    expect(updated.json).toMatchObject({ name: 'Renamed', hasUnionIdKey: false, hasEncodingAesKey: true });
    expect((await f.channels.get('ch1'))?.appSecret).toBe(SECRETS.appSecret);
    await f.call('PATCH', '/api/v1/channels/oa1', f.tokens.platform, { appSecret: 'RotatedSecret0003' });
    expect((await f.channels.get('oa1'))?.appSecret).toBe('RotatedSecret0003');
    await f.call('GET', '/api/v1/channels/ch1', f.tokens.agent1);
    expect((await f.call('DELETE', '/api/v1/channels/oa1', f.tokens.platform)).status).toBe(204);
    expect((await f.call('GET', '/api/v1/channels/oa1', f.tokens.platform)).status).toBe(404);
    const all = answers.join('\n');
    for (const secret of [...Object.values(SECRETS), NEW.appSecret, NEW.token, 'RotatedSecret0003']) expect(all).not.toContain(secret);
  });

  it('shows the grace period of a change, ends it on request (platform admins only), and never answers the previous secrets', async () => {
    const changed = await f.call('PATCH', '/api/v1/channels/ch1', f.tokens.platform, { token: 'RotatedToken7', replayWindowSeconds: 120 });
    expect(changed.json).toMatchObject({
      replayWindowSeconds: 120,
      graceSeconds: 1800,
      previousValidUntil: expect.any(Number),
      lastVerifiedAt: null,
      lastPushAt: null,
    });
    expect((await f.channels.get('ch1'))?.previous?.token).toBe(SECRETS.token);
    expect((await f.call('POST', '/api/v1/channels/ch1/end-grace', f.tokens.agent1)).status).toBe(403);
    const ended = await f.call('POST', '/api/v1/channels/ch1/end-grace', f.tokens.platform);
    expect(ended).toMatchObject({ status: 200, json: { previousValidUntil: null } });
    expect((await f.call('PATCH', '/api/v1/channels/ch1', f.tokens.platform, { replayWindowSeconds: 1 })).status).toBe(400);
    const all = answers.join('\n');
    for (const secret of [...Object.values(SECRETS), 'RotatedToken7']) expect(all).not.toContain(secret);
  });

  it('answers precise 400s without echoing values', async () => {
    const res = await f.call('POST', '/api/v1/channels', f.tokens.platform, { ...NEW, appSecret: 'x!', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('body.appSecret');
    expect(res.json.error.message).toContain('extra');
    expect(res.text).not.toContain('x!');
    const rules = await f.call('POST', '/api/v1/channels', f.tokens.platform, { ...NEW, mode: 'secure' });
    expect(rules.json.error.message).toContain('body.encodingAesKey');
    expect((await f.call('PATCH', '/api/v1/channels/oa1', f.tokens.platform, { format: 'json' })).status).toBe(404);
    await f.call('POST', '/api/v1/channels', f.tokens.platform, NEW);
    const json = await f.call('PATCH', '/api/v1/channels/oa1', f.tokens.platform, { format: 'json' });
    expect(json.json.error.message).toContain('official accounts push XML only');
    expect((await f.call('POST', '/api/v1/channels', f.tokens.platform, { ...NEW, id: 'ch1' })).status).toBe(409);
  });

  it('shows the push path and which secrets are set; takes a Token and EncodingAESKey the browser generated', async () => {
    const created = await f.call('POST', '/api/v1/channels', f.tokens.platform, NEW);
    expect(created.json).toMatchObject({
      pushPath: '/wechat/oa1',
      appSecretSet: true,
      tokenSet: true,
      encodingAesKeySet: false,
      agentsSeeUnionId: false,
    });
    const key = 'Zz9'.repeat(14) + 'a';
    const patched = await f.call('PATCH', '/api/v1/channels/oa1', f.tokens.platform, {
      token: 'Generated0Token1',
      encodingAesKey: key,
      mode: 'secure',
      agentsSeeUnionId: true,
    });
    expect(patched.json).toMatchObject({ encodingAesKeySet: true, hasEncodingAesKey: true, agentsSeeUnionId: true, mode: 'secure' });
    expect(await f.channels.get('oa1')).toMatchObject({ token: 'Generated0Token1', encodingAesKey: key, agentsSeeUnionId: true });
    for (const bad of [
      { token: 'ab' },
      { token: 'has-dash' },
      { token: 'x'.repeat(33) },
      { encodingAesKey: key.slice(1) },
      { encodingAesKey: `${key.slice(1)}+` },
    ]) {
      const res = await f.call('PATCH', '/api/v1/channels/oa1', f.tokens.platform, bad);
      expect(res.status).toBe(400);
      expect(res.json.error.message).toMatch(/body\.(token|encodingAesKey)/);
    }
    expect(answers.join('\n')).not.toContain('Generated0Token1');
    expect(answers.join('\n')).not.toContain(key);
  });

  it('only platform admins change channels; others read only their own', async () => {
    for (const token of [f.tokens.merchantAdmin, f.tokens.agent1]) {
      expect((await f.call('POST', '/api/v1/channels', token, NEW)).status).toBe(403);
      expect((await f.call('PATCH', '/api/v1/channels/ch1', token, { name: 'x' })).status).toBe(403);
      expect((await f.call('DELETE', '/api/v1/channels/ch1', token)).status).toBe(403);
      expect((await f.call('GET', '/api/v1/channels/ch1', token)).status).toBe(200);
    }
    await f.call('POST', '/api/v1/channels', f.tokens.platform, NEW);
    expect((await f.call('GET', '/api/v1/channels/oa1', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await f.call('GET', '/api/v1/channels', f.tokens.agent1)).json.items.map((c: { id: string }) => c.id)).toEqual(['ch1']);
  });
});
