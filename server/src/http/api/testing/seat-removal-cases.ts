// Test support (no tests of its own): the cases of a login linked to agents in two channels (one seat per
// channel) when one of its agents is deleted or archived, over real HTTP on the composed server and the
// WeChat emulator, run on each storage (agent-seats-archive*.test.ts): a deleted agent leaves only its own
// seat (the login goes when none is left, each change in the audit log); an archived agent's seat is
// refused and hidden while the login keeps working in its other channel.
import { CHANNEL, startStack, type Stack, type StackOptions } from '../../../e2e/testing/stack';
import { addSecondChannel, SECOND } from './second-channel';
import { arrangePeople, type People } from './stack-people';

export function seatRemovalCases(options: () => Promise<StackOptions>): void {
  let stack: Stack;
  let p: People;
  beforeAll(async () => {
    stack = await startStack(await options());
    p = await arrangePeople(stack);
    await addSecondChannel(stack);
  }, 60_000);
  afterAll(() => stack?.close());

  const password = 'password-123';
  let n = 0;

  async function agentIn(channelId: string): Promise<string> {
    n += 1;
    const made = await p.call('POST', `/channels/${channelId}/agents`, p.tokens.platform, { name: `席位${n}`, status: 'offline' });
    expect(made.status).toBe(201);
    return made.json.id as string;
  }

  /** A login linked to `agentIds` (first: its agentId); resolves with its account id. */
  async function loginOf(username: string, agentIds: string[]): Promise<string> {
    const [agentId] = agentIds;
    const grant = agentIds.length > 1 ? { role: 'agent', agentId, agentIds } : { role: 'agent', agentId };
    const made = await p.call('POST', '/accounts', p.tokens.platform, { username, password, grant });
    expect(made.status).toBe(201);
    return made.json.id as string;
  }

  const account = async (id: string) =>
    (await p.call('GET', '/accounts', p.tokens.platform)).json.items.find((a: { id: string }) => a.id === id);
  const auditOf = async (accountId: string) =>
    (await p.call('GET', `/audit?targetType=account&limit=200`, p.tokens.platform)).json.items.filter(
      (e: { targetId: string }) => e.targetId === accountId,
    );

  describe('deleting an agent', () => {
    it('that is a login’s first seat keeps the login for its other channel, the next seat becoming its agent', async () => {
      const [here, there] = [await agentIn(CHANNEL.id), await agentIn(SECOND.id)];
      const id = await loginOf('seat-first', [here, there]);
      expect((await p.call('DELETE', `/agents/${here}`, p.tokens.platform)).status).toBe(204);
      expect((await account(id))?.grant).toEqual({ role: 'agent', agentId: there });
      const login = await p.call('POST', '/auth/login', undefined, { username: 'seat-first', password });
      expect(login.status).toBe(200);
      expect(login.json.principal).toMatchObject({ agentId: there, channelId: SECOND.id, seats: [{ agentId: there }] });
      const [entry] = await auditOf(id);
      expect(entry).toMatchObject({
        action: 'account.grant',
        before: { grant: { agentId: here, agentIds: [here, there] } },
        after: { grant: { role: 'agent', agentId: there } },
      });
    });

    it('that is a later seat drops only that seat', async () => {
      const [here, there] = [await agentIn(CHANNEL.id), await agentIn(SECOND.id)];
      const id = await loginOf('seat-later', [here, there]);
      expect((await p.call('DELETE', `/agents/${there}`, p.tokens.platform)).status).toBe(204);
      expect((await account(id))?.grant).toEqual({ role: 'agent', agentId: here });
      const login = await p.call('POST', '/auth/login', undefined, { username: 'seat-later', password });
      expect(login.json.principal.seats).toEqual([{ agentId: here, channelId: CHANNEL.id }]);
      expect((await auditOf(id))[0]).toMatchObject({ action: 'account.grant', after: { grant: { agentId: here } } });
    });

    it('that is a login’s only seat removes the login, recorded in the audit log where the agent lived', async () => {
      const only = await agentIn(CHANNEL.id);
      const id = await loginOf('seat-only', [only]);
      expect((await p.call('DELETE', `/agents/${only}`, p.tokens.platform)).status).toBe(204);
      expect(await account(id)).toBeUndefined();
      expect((await p.call('POST', '/auth/login', undefined, { username: 'seat-only', password })).status).toBe(401);
      expect((await auditOf(id))[0]).toMatchObject({ action: 'account.delete', channelId: CHANNEL.id, before: { username: 'seat-only' } });
    });
  });

  /** A request with the workbench's channel header (X-Kefu-Channel). */
  async function inChannel(token: string, path: string, channel: string): Promise<{ status: number; json: any }> {
    const res = await fetch(`${stack.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, 'x-kefu-channel': channel } });
    return { status: res.status, json: await res.json() };
  }

  describe('archiving one agent of a several-channel login', () => {
    const archive = async (agentId: string) =>
      expect((await p.call('POST', `/agents/${agentId}/archive`, p.tokens.platform)).status).toBe(200);

    it('that is its first seat: the login works in its other channel, and the archived one is refused and not offered', async () => {
      const [here, there] = [await agentIn(CHANNEL.id), await agentIn(SECOND.id)];
      await loginOf('archived-first', [here, there]);
      await archive(here);
      const login = await p.call('POST', '/auth/login', undefined, { username: 'archived-first', password });
      expect(login.status).toBe(200);
      const token = login.json.token as string;
      expect((await p.call('GET', '/me', token)).json).toMatchObject({ agentId: there, channelId: SECOND.id, seats: [{ agentId: there }] });
      expect((await p.call('GET', '/channels', token)).json.items.map((c: { id: string }) => c.id)).toEqual([SECOND.id]);
      expect((await p.call('GET', `/channels/${SECOND.id}/conversations`, token)).status).toBe(200);
      const refused = await inChannel(token, '/me', CHANNEL.id);
      expect(refused.status).toBe(403);
      expect(refused.json.error).toMatchObject({ code: 'seat_archived', message: expect.stringContaining(CHANNEL.id) });
      expect((await p.call('GET', `/channels/${CHANNEL.id}/conversations`, token)).json.error.code).toBe('seat_archived');
    });

    it('that is a later seat: the first channel works, the archived one is refused, and unarchiving restores it', async () => {
      const [here, there] = [await agentIn(CHANNEL.id), await agentIn(SECOND.id)];
      await loginOf('archived-later', [here, there]);
      const token = (await p.call('POST', '/auth/login', undefined, { username: 'archived-later', password })).json.token as string;
      await archive(there);
      expect((await inChannel(token, '/me', CHANNEL.id)).json).toMatchObject({ agentId: here, seats: [{ agentId: here }] });
      expect((await inChannel(token, `/agents/${there}`, SECOND.id)).json.error.code).toBe('seat_archived');
      expect((await p.call('POST', `/agents/${there}/unarchive`, p.tokens.platform)).status).toBe(200);
      expect((await inChannel(token, '/me', SECOND.id)).json).toMatchObject({ agentId: there, channelId: SECOND.id });
    });

    it('every seat archived: the login is refused as an archived agent’s', async () => {
      const [here, there] = [await agentIn(CHANNEL.id), await agentIn(SECOND.id)];
      await loginOf('archived-all', [here, there]);
      await archive(here);
      await archive(there);
      const refused = await p.call('POST', '/auth/login', undefined, { username: 'archived-all', password });
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('agent_archived');
    });
  });
}
