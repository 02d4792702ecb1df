// Transcripts over real HTTP (the API on port 0, in-memory engine and reports): a conversation as HTML
// (escaped, rated, media as what they are) and CSV for whoever may read it; a channel's messages for a
// date range as CSV files of 2000 rows, for admins only.
import { conversation, customer, inbound, outbound } from '../../storage/testing/contract-fixture';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
const T0 = Date.UTC(2026, 11, 1, 2, 0, 0);

beforeAll(async () => {
  f = await startApiFixture();
  await f.engine.deps.uow.run(async (tx) => {
    await tx.customers.save(customer('cu1', { nickname: '<b>小明</b>' }));
    await tx.conversations.save(
      conversation('cv1', {
        merchantId: 'm1',
        agentId: 'a1',
        state: 'ended',
        createdAt: T0,
        endedAt: T0 + 60_000,
        endReason: 'agent_ended',
        csat: { requestedAt: T0, rating: 4, comment: '还不错' },
      }),
    );
    await tx.conversations.save(conversation('cv2', { merchantId: 'm2', customerId: 'cu1', createdAt: T0 }));
    await tx.messages.add(
      inbound('mg1', { conversationId: 'cv1', createdAt: T0, content: { type: 'text', text: '=1+1 <script>alert(1)</script>' } }),
    );
    await tx.messages.add(
      outbound('mg2', { conversationId: 'cv1', createdAt: T0 + 1000, content: { type: 'text', text: '您好,\n请稍等' } }),
    );
    await tx.messages.add(
      inbound('mg3', { conversationId: 'cv1', createdAt: T0 + 2000, content: { type: 'voice', mediaId: 'w1', recognition: '我要退货' } }),
    );
    await tx.messages.add(inbound('mg4', { conversationId: 'cv2', createdAt: T0 + 3000 }));
  });
});
afterAll(() => f.close());

const get = (path: string, token: string | undefined) => f.call('GET', `/api/v1${path}`, token);
/** The fixture's clock is not today: every range names its end. */
const TO = `to=${T0 + 1_000_000}`;
const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('a conversation’s transcript', () => {
  it('HTML: who, when, the rating, every message escaped, media as what they are; a sandboxed download', async () => {
    const res = await get('/conversations/cv1/transcript.html', f.tokens.agent1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="transcript-cv1.html"');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.text).toContain('&lt;b&gt;小明&lt;/b&gt;');
    expect(res.text).toContain('=1+1 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('[语音] 我要退货');
    expect(res.text).toContain('4 / 5 “还不错”');
    expect(res.text).toContain('<th>结束原因</th><td>客服结束</td>');
    expect(res.text).not.toContain('agent_ended');
    expect(res.text).toContain('Agent a1');
    expect(res.text.indexOf('mg1')).toBeLessThan(res.text.indexOf('mg3'));
  });

  it('CSV: one row per message, oldest first, formulas neutralised', async () => {
    const res = await get('/conversations/cv1/transcript.csv', f.tokens.merchantAdmin);
    expect(res.status).toBe(200);
    expect(lines(res.text)[0]).toBe('createdAt,direction,senderKind,sender,type,text,delivery');
    expect(lines(res.text)[1]).toBe(`${new Date(T0).toISOString()},in,customer,客户,text,'=1+1 <script>alert(1)</script>,`);
    expect(res.text).toContain(`${new Date(T0 + 1000).toISOString()},out,agent,Agent a1,text,"您好,\n请稍等",pending`);
    expect(lines(res.text)).toHaveLength(4); // the header and three messages (a cell's own newline is \n, rows end in \r\n)
  });

  it('only for those who may read the conversation', async () => {
    expect((await get('/conversations/cv1/transcript.html', f.tokens.agent2)).status).toBe(403);
    expect((await get('/conversations/cv1/transcript.csv', f.tokens.otherMerchantAdmin)).status).toBe(403);
    expect((await get('/conversations/cv1/transcript.csv', undefined)).status).toBe(401);
    expect((await get('/conversations/nope/transcript.csv', f.tokens.platform)).status).toBe(404);
  });
});

describe('GET /channels/:id/messages/export.csv', () => {
  it('every message of the caller’s part of the channel in the range, with its merchant and customer', async () => {
    const all = await get(`/channels/ch1/messages/export.csv?${TO}`, f.tokens.platform);
    expect(all.status).toBe(200);
    expect(lines(all.text)[0]).toBe(
      'id,conversationId,merchantId,merchantName,customerOpenid,customerNickname,createdAt,direction,senderKind,sender,type,text,delivery',
    );
    expect(
      lines(all.text)
        .filter((l) => /^mg\d/.test(l))
        .map((l) => l.split(',')[0]),
    ).toEqual(['mg1', 'mg2', 'mg3', 'mg4']);
    const mine = await get(`/channels/ch1/messages/export.csv?${TO}`, f.tokens.merchantAdmin);
    expect(
      lines(mine.text)
        .filter((l) => l.startsWith('mg'))
        .map((l) => l.split(',')[0]),
    ).toEqual(['mg1', 'mg2', 'mg3']);
    expect(lines(mine.text)[1]).toContain('mg1,cv1,m1,Shop shop-1,o-cu1,<b>小明</b>');
    const range = await get(`/channels/ch1/messages/export.csv?from=${T0 + 1000}&to=${T0 + 3000}`, f.tokens.platform);
    expect(
      lines(range.text)
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['mg2', 'mg3']);
  });

  it('files of 2000 rows', async () => {
    await f.engine.deps.uow.run(async (tx) => {
      for (let i = 0; i < 2001; i++)
        await tx.messages.add(inbound(`bulk-${String(i).padStart(5, '0')}`, { conversationId: 'cv2', createdAt: T0 + 10_000 + i }));
    });
    const q = `from=${T0 + 10_000}&${TO}`;
    const first = await get(`/channels/ch1/messages/export.csv?${q}`, f.tokens.platform);
    expect(first.headers.get('x-total-pages')).toBe('2');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="messages-ch1-1.csv"');
    expect(lines(first.text)).toHaveLength(2001);
    const second = await get(`/channels/ch1/messages/export.csv?${q}&page=2`, f.tokens.platform);
    expect(lines(second.text).slice(1)).toEqual([expect.stringMatching(/^bulk-02000,/)]);
    expect((await get(`/channels/ch1/messages/export.csv?${q}&page=3`, f.tokens.platform)).status).toBe(400);
  });

  it('is for admins, of their own merchant', async () => {
    expect((await get('/channels/ch1/messages/export.csv', f.tokens.agent1)).status).toBe(403);
    expect((await get('/channels/ch1/messages/export.csv?merchantId=m2', f.tokens.merchantAdmin)).status).toBe(403);
    expect((await get('/channels/ch1/messages/export.csv?from=10&to=5', f.tokens.platform)).status).toBe(400);
  });
});
