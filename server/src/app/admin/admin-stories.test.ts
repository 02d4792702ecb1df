// The admin stories as the REST API and the command line share them: one set of rules whoever calls.
import { adminFixture, CHANNEL_RECORD, type AdminFixture } from '../testing/admin-fixture';
import { OPERATOR, type Principal } from '../auth/principal';
import { createAccount, findAccount, loginNames } from './accounts';
import { emptyMemory } from '../../core/wechat-agent/memory';
import { changeAgent, createAgent, listAgents, readAgent } from './agents';
import { addMissingChannels, createChannel, deleteChannel } from './channels';
import { createMerchant } from './merchants';
import { issueToken, revokeToken } from './tokens';

const merchantAdmin: Principal = { role: 'merchant_admin', channelId: 'ch1', merchantId: 'm1', via: { kind: 'token', tokenId: 't1' } };
const NEW_AGENT = { name: 'Mei', maxConcurrent: 5, groupIds: [], status: 'offline' as const };

let f: AdminFixture;
beforeEach(async () => {
  f = await adminFixture();
});

describe('creating an agent', () => {
  it('makes an offline agent with a readable id, for the operator as for an admin', async () => {
    const agent = await createAgent(f.admin, OPERATOR, 'ch1', { ...NEW_AGENT, merchantId: 'm1' });
    expect(agent).toMatchObject({
      id: expect.stringMatching(/^agt/),
      channelId: 'ch1',
      merchantId: 'm1',
      status: 'offline',
      maxConcurrent: 5,
      groupIds: [],
    });
    expect(await listAgents(f.admin, OPERATOR, 'ch1', 'm1')).toEqual([agent]);
  });

  it('refuses an unknown channel (404), a merchant of no such channel (400), another merchant (403)', async () => {
    await expect(createAgent(f.admin, OPERATOR, 'nope', NEW_AGENT)).rejects.toMatchObject({ status: 404 });
    await expect(createAgent(f.admin, OPERATOR, 'ch1', { ...NEW_AGENT, merchantId: 'm9' })).rejects.toMatchObject({ status: 400 });
    await expect(createAgent(f.admin, merchantAdmin, 'ch1', { ...NEW_AGENT, merchantId: 'm2' })).rejects.toMatchObject({ status: 403 });
  });

  it('puts a merchant admin’s agent in their own merchant, and refuses groups of another', async () => {
    expect(await createAgent(f.admin, merchantAdmin, 'ch1', NEW_AGENT)).toMatchObject({ merchantId: 'm1' });
    await f.engine.group('g2', { merchantId: 'm2' });
    await expect(createAgent(f.admin, merchantAdmin, 'ch1', { ...NEW_AGENT, groupIds: ['g2'] })).rejects.toMatchObject({ status: 400 });
  });
});

it('keeps the engine’s memory of an agent answering from WeChat out of what admins read, and keeps it when they change the agent', async () => {
  const agent = await createAgent(f.admin, OPERATOR, 'ch1', { ...NEW_AGENT, wechatOpenid: 'o-agent' });
  const memory = { ...emptyMemory(), agentConversationId: 'c1' };
  await f.admin.uow.run(async (tx) => tx.agents.save({ ...(await tx.agents.get(agent.id))!, wechatMemory: memory }));
  expect(await readAgent(f.admin, OPERATOR, agent.id)).not.toHaveProperty('wechatMemory');
  expect((await listAgents(f.admin, OPERATOR, 'ch1'))[0]).not.toHaveProperty('wechatMemory');
  expect(await changeAgent(f.admin, OPERATOR, agent.id, { name: 'Mei Li' })).not.toHaveProperty('wechatMemory');
  expect((await f.admin.uow.run((tx) => tx.agents.get(agent.id)))?.wechatMemory).toEqual(memory);
});

it('refuses a merchant code taken in the channel (409)', async () => {
  await expect(createMerchant(f.admin, OPERATOR, 'ch1', { code: 'shop-1', name: 'Again' })).rejects.toMatchObject({
    status: 409,
    code: 'code_taken',
  });
  expect(await createMerchant(f.admin, OPERATOR, 'ch1', { code: 'shop-3', name: 'Three' })).toMatchObject({
    id: expect.stringMatching(/^mer/),
    code: 'shop-3',
  });
});

it('creates logins only within the caller’s reach, and finds them by username in any case', async () => {
  const agent = await createAgent(f.admin, OPERATOR, 'ch1', { ...NEW_AGENT, merchantId: 'm2' });
  await expect(
    createAccount(f.admin, merchantAdmin, { username: 'mei', password: 'mei-password-1', grant: { role: 'agent', agentId: agent.id } }),
  ).rejects.toMatchObject({ status: 403 });
  const account = await createAccount(f.admin, OPERATOR, {
    username: 'Mei',
    password: 'mei-password-1',
    grant: { role: 'agent', agentId: agent.id },
  });
  expect(await findAccount(f.admin, 'MEI')).toEqual(account);
  expect((await loginNames(f.admin)).agents.get(agent.id)).toBe('mei');
  await expect(
    createAccount(f.admin, OPERATOR, { username: 'mei', password: 'x-password-2', grant: { role: 'platform_admin' } }),
  ).rejects.toMatchObject({ status: 409 });
});

it('revokes a token once; a second time answers false, an unknown one 404', async () => {
  const { record } = await issueToken(f.admin, OPERATOR, 'crm', { role: 'platform_admin' });
  expect(await revokeToken(f.admin, record.id, OPERATOR)).toBe(true);
  expect(await revokeToken(f.admin, record.id, OPERATOR)).toBe(false);
  await expect(revokeToken(f.admin, 'tok_nope', OPERATOR)).rejects.toMatchObject({ status: 404 });
});

describe('channels', () => {
  const { createdAt: _c, updatedAt: _u, ...fields } = CHANNEL_RECORD;

  it('refuses an existing id (409) and a secure channel without an EncodingAESKey (400)', async () => {
    await expect(createChannel(f.admin, fields)).rejects.toMatchObject({ status: 409 });
    await expect(createChannel(f.admin, { ...fields, id: 'ch2', mode: 'secure' })).rejects.toMatchObject({ status: 400 });
  });

  it('adds only the missing channels of the channels file, and deletes with 404 for none', async () => {
    expect(await addMissingChannels(f.admin, [fields, { ...fields, id: 'ch2', name: 'Two' }])).toEqual(['ch2']);
    expect((await f.channels.get('ch1'))?.updatedAt).toBe(1);
    await deleteChannel(f.admin, OPERATOR, 'ch2');
    await expect(deleteChannel(f.admin, OPERATOR, 'ch2')).rejects.toMatchObject({ status: 404 });
  });
});
