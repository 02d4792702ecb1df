// The semantic stage's store on PostgreSQL: the API key sealed at rest and kept when a change leaves it
// out, vectors kept bit for bit.
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../secret-box';
import { PgSemanticStore } from './pg-semantic-store';
import { useMigratedDatabase } from './testing/test-cluster';

const db = useMigratedDatabase();
beforeEach(() => db.truncate());
const box = new SecretBox(randomBytes(32));
const settings = { enabled: true, url: 'https://embed.example/v1', model: 'm', timeoutMs: 800 };

describe('PgSemanticStore', () => {
  it('seals the API key, keeps it when a change leaves it out, removes it for an empty one', async () => {
    const store = new PgSemanticStore(db.pool(), box);
    await store.saveConfig('ch1', { ...settings, apiKey: 'sk-secret' });
    const { rows } = await db.pool().query('SELECT * FROM knowledge_semantic');
    expect(JSON.stringify(rows)).not.toContain('sk-secret');
    await store.saveConfig('ch1', { ...settings, model: 'm2' });
    await expect(store.configs()).resolves.toEqual([{ channelId: 'ch1', ...settings, model: 'm2', apiKey: 'sk-secret' }]);
    await store.saveConfig('ch1', { ...settings, enabled: false, apiKey: '' });
    await expect(store.configs()).resolves.toEqual([{ channelId: 'ch1', ...settings, enabled: false }]);
  });

  it('keeps vectors exactly, per scope, replacing or keeping only the given ones', async () => {
    const store = new PgSemanticStore(db.pool(), box);
    const v = (number: number, merchantId?: string) => ({
      channelId: 'ch1',
      ...(merchantId !== undefined && { merchantId }),
      number,
      digest: `d${number}`,
      vector: new Float32Array([number, -0.5, 1e-7]),
    });
    await store.putVectors('ch1', [v(1), v(2, 'm1')]);
    await store.putVectors('ch1', [{ ...v(1), digest: 'new' }]);
    const kept = await store.vectors('ch1');
    expect(kept.sort((a, b) => a.number - b.number)).toEqual([{ ...v(1), digest: 'new' }, v(2, 'm1')]);
    await store.putVectors('ch1', [v(3)], true);
    await expect(store.vectors('ch1')).resolves.toEqual([v(3)]);
    await expect(store.vectors('ch2')).resolves.toEqual([]);
  });
});
