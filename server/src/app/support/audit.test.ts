// The audit helper through the stories: who, when, before and after, inside the change's unit of work.
import type { AuditEntry } from '../../core/ports/audit-log';
import { InMemoryAuditLog } from '../../storage/testing/in-memory-audit-log';
import { changeChannel, changeGroup, createGroup, issueToken } from '../admin/index';
import { createTag } from '../desk/tags';
import type { Principal } from '../auth/principal';
import { OPERATOR } from '../auth/principal';
import { adminFixture, type AdminFixture } from '../testing/admin-fixture';

let f: AdminFixture;
let entries: () => AuditEntry[];
beforeEach(async () => {
  f = await adminFixture();
  entries = () => f.engine.store.data.audit;
  f.admin.audit = new InMemoryAuditLog(entries);
});

async function sessionOf(username: string): Promise<Principal> {
  const account = await f.admin.auth.createAccount(username, 'a-long-password-1', {
    role: 'merchant_admin',
    channelId: 'ch1',
    merchantId: 'm1',
  });
  return { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1', via: { kind: 'session', accountId: account.id, tokenHash: 'h' } };
}

it('records a change with who, when, the target and the values before and after', async () => {
  const mei = await sessionOf('mei');
  const group = await createGroup(f.admin, mei, 'ch1', { name: 'Sales' });
  f.engine.clock.advanceMinutes(1);
  await changeGroup(f.admin, mei, group.id, { name: 'After-sales' });
  const change = entries().at(-1)!;
  expect(change).toMatchObject({
    at: f.engine.clock.now(),
    actor: { kind: 'account', name: 'mei', role: 'merchant_admin' },
    action: 'group.change',
    targetType: 'group',
    targetId: group.id,
    channelId: 'ch1',
    merchantId: 'm1',
    before: { name: 'Sales' },
    after: { name: 'After-sales' },
  });
});

it('names the command line as the operator', async () => {
  await createGroup(f.admin, OPERATOR, 'ch1', { name: 'Sales' });
  expect(entries().at(-1)?.actor).toEqual({ kind: 'operator', name: 'command line', role: 'platform_admin' });
});

it('records nothing for a change whose unit of work is rolled back', async () => {
  const desk = { engine: f.engine.deps, admin: f.admin };
  await createTag(desk, OPERATOR, 'ch1', 'm1', { name: 'VIP', color: '#ff0000' });
  const recorded = entries().length;
  await expect(createTag(desk, OPERATOR, 'ch1', 'm1', { name: 'VIP', color: '#00ff00' })).rejects.toMatchObject({ status: 409 });
  expect(entries()).toHaveLength(recorded);
});

it('keeps secrets out: a channel change says which secrets changed, never their values', async () => {
  await changeChannel(f.admin, OPERATOR, 'ch1', { token: 'NewToken99', appSecret: 'NewSecret99' });
  const { token } = await issueToken(f.admin, OPERATOR, 'crm', { role: 'platform_admin' });
  const text = JSON.stringify(entries());
  for (const secret of ['NewToken99', 'NewSecret99', 'token01', 'secret01', token]) expect(text).not.toContain(secret);
  expect(entries()[0]?.after).toMatchObject({ secretsChanged: ['token', 'appSecret'], tokenSet: true });
});
