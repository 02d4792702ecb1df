// The quick reply stories: who manages which replies (agents their own, admins their team's, nobody
// another's), titles unique per owner, pictures checked like a reply's, imports all or none, and the
// composer's list filled for the conversation's customer the way the knowledge base fills entries.
import type { StoredMedia } from '../../core/ports/knowledge-store';
import { InMemoryQuickReplyStore } from '../../storage/testing/in-memory-quick-replies';
import type { Principal } from '../auth/principal';
import { adminFixture, type AdminFixture } from '../testing/admin-fixture';
import { CHANNEL } from '../testing/engine-fixture';
import {
  createQuickReply,
  importQuickReplies,
  listQuickReplies,
  quickRepliesForConversation,
  quickReplyToSend,
  removeQuickReply,
  updateQuickReply,
  type QuickReplyDeps,
} from './index';

const via = { kind: 'operator' as const };
const agent = (agentId: string, merchantId = 'm1'): Principal => ({ role: 'agent', channelId: CHANNEL, merchantId, agentId, via });
const merchantAdmin = (merchantId = 'm1'): Principal => ({ role: 'merchant_admin', channelId: CHANNEL, merchantId, via });
const platform: Principal = { role: 'platform_admin', via };
const personal = { channelId: CHANNEL, scope: 'personal' as const };
const team = { channelId: CHANNEL, scope: 'team' as const };

const media: Record<string, StoredMedia> = {
  pic1: {
    id: 'pic1',
    filename: 'a.png',
    contentType: 'image/png',
    data: new Uint8Array(),
    owner: { channelId: CHANNEL, merchantId: 'm1' },
    kind: 'reply',
  },
  pic2: {
    id: 'pic2',
    filename: 'b.png',
    contentType: 'image/png',
    data: new Uint8Array(),
    owner: { channelId: CHANNEL, merchantId: 'm2' },
    kind: 'reply',
  },
  mp3: { id: 'mp3', filename: 'c.mp3', contentType: 'audio/mpeg', data: new Uint8Array(), owner: { channelId: CHANNEL, merchantId: 'm1' } },
};

let f: AdminFixture;
let deps: QuickReplyDeps;
beforeEach(async () => {
  f = await adminFixture();
  deps = { ...f.admin, replies: new InMemoryQuickReplyStore(), media: async (id) => media[id] };
  await f.engine.agent('a1', { merchantId: 'm1' });
  await f.engine.agent('a2', { merchantId: 'm1' });
});

describe('managing quick replies', () => {
  it('an agent keeps their own replies, which colleagues and admins never see', async () => {
    const r = await createQuickReply(deps, agent('a1'), personal, { title: '问候', text: '您好 [name]' });
    expect(r).toMatchObject({ channelId: CHANNEL, merchantId: 'm1', agentId: 'a1', title: '问候' });
    expect(await listQuickReplies(deps, agent('a1'), personal)).toEqual([r]);
    expect(await listQuickReplies(deps, agent('a2'), personal)).toEqual([]);
    await expect(updateQuickReply(deps, agent('a2'), r.id, { title: 'x', text: 'y' })).rejects.toMatchObject({ status: 404 });
    await expect(removeQuickReply(deps, merchantAdmin(), r.id)).rejects.toMatchObject({ status: 404 });
    await expect(listQuickReplies(deps, merchantAdmin(), personal)).rejects.toMatchObject({ status: 403 });
  });

  it('admins manage their team’s replies; agents read them but may not change them', async () => {
    const r = await createQuickReply(deps, merchantAdmin(), team, { title: '售后', text: '请提供订单号' });
    expect(r.agentId).toBeUndefined();
    expect(await listQuickReplies(deps, agent('a1'), team)).toEqual([r]);
    await expect(createQuickReply(deps, agent('a1'), team, { title: 'x', text: 'y' })).rejects.toMatchObject({ status: 403 });
    await expect(removeQuickReply(deps, agent('a1'), r.id)).rejects.toMatchObject({ status: 403 });
    await expect(removeQuickReply(deps, merchantAdmin('m2'), r.id)).rejects.toMatchObject({ status: 404 });
    expect(await listQuickReplies(deps, platform, { ...team, merchantId: 'm1' })).toEqual([r]);
    expect(await listQuickReplies(deps, platform, team)).toEqual([]); // the platform's own team
    const changed = await updateQuickReply(deps, platform, r.id, { title: '售后 2', text: '改' });
    expect(changed).toMatchObject({ id: r.id, merchantId: 'm1', title: '售后 2', createdAt: r.createdAt });
    await removeQuickReply(deps, merchantAdmin(), r.id);
    expect(await listQuickReplies(deps, agent('a1'), team)).toEqual([]);
  });

  it('refuses a duplicate title, an empty reply, and a picture that is not one or is another merchant’s', async () => {
    await createQuickReply(deps, agent('a1'), personal, { title: '问候', text: 'a' });
    await expect(createQuickReply(deps, agent('a1'), personal, { title: ' 问候 ', text: 'b' })).rejects.toMatchObject({ status: 409 });
    await expect(createQuickReply(deps, agent('a1'), personal, { title: 'x', text: ' ' })).rejects.toMatchObject({ status: 400 });
    const bad = (picture: string) => createQuickReply(deps, agent('a1'), personal, { title: picture, text: '', picture });
    await expect(bad('media:pic2')).rejects.toMatchObject({ status: 403 });
    await expect(bad('media:mp3')).rejects.toMatchObject({ status: 400 });
    await expect(bad('media:none')).rejects.toMatchObject({ status: 404 });
    expect(await bad('media:pic1')).toMatchObject({ picture: 'media:pic1', text: '' });
  });

  it('imports new titles and replaces existing ones, and a bad row leaves everything as it was', async () => {
    const old = await createQuickReply(deps, merchantAdmin(), team, { title: 'A', text: 'old' });
    const rows = [
      { title: 'A', text: 'new' },
      { title: 'B', text: 'b' },
    ];
    expect(await importQuickReplies(deps, merchantAdmin(), team, rows)).toEqual({ added: 1, replaced: 1 });
    const list = await listQuickReplies(deps, merchantAdmin(), team);
    expect(list.map((r) => [r.title, r.text])).toEqual([
      ['A', 'new'],
      ['B', 'b'],
    ]);
    expect(list[0]?.id).toBe(old.id);
    await expect(
      importQuickReplies(deps, merchantAdmin(), team, [
        { title: 'C', text: 'c' },
        { title: '', text: 'x' },
      ]),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('row 3'),
    });
    expect(await listQuickReplies(deps, merchantAdmin(), team)).toHaveLength(2);
  });
});

describe('quick replies in a conversation', () => {
  it('lists the agent’s own then the team’s, filled for the customer as the knowledge base fills entries', async () => {
    await f.engine.settings({}, 'm1');
    await f.engine.agent('a1', { merchantId: 'm1', status: 'online' });
    await f.engine.store.tx.customers.save({
      id: 'cu1',
      channelId: CHANNEL,
      openid: 'o1',
      nickname: '小明',
      params: {},
      customFields: {},
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await f.engine.store.tx.conversations.save({
      id: 'cv1',
      channelId: CHANNEL,
      merchantId: 'm1',
      customerId: 'cu1',
      state: 'assigned',
      agentId: 'a1',
      remainingChain: [],
      excludedAgentIds: [],
      createdAt: 0,
    });
    await createQuickReply(deps, merchantAdmin(), team, { title: '团队', text: '[name]，稍等{br}马上好' });
    const own = await createQuickReply(deps, agent('a1'), personal, { title: '我的', text: '您好 [name]', picture: 'media:pic1' });
    const mine = await createQuickReply(deps, agent('a2'), personal, { title: '别人的', text: 'x' });
    const list = await quickRepliesForConversation(deps, agent('a1'), 'cv1');
    expect(list.map((u) => [u.number, u.reply.title, u.rendered])).toEqual([
      [1, '我的', { text: '您好 小明', picture: 'media:pic1' }],
      [2, '团队', { text: '小明，稍等\n马上好' }],
    ]);
    const c = f.engine.conversation('cv1');
    expect(await quickReplyToSend(deps, agent('a1'), c, own.id)).toEqual({ text: '您好 小明', picture: 'media:pic1' });
    await expect(quickReplyToSend(deps, agent('a1'), c, mine.id)).rejects.toMatchObject({ status: 404 });
  });
});
