// A refusal says which field, why and the rule's figures as data (never the value sent), so that the
// console can say it in its user's language; the English message stays for developers.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture();
});
afterEach(() => f.close());

const CAL = { name: 'Office', timeZone: 'Asia/Shanghai', workdays: [1], workdaySegments: [{ start: 540, end: 1080 }] };

describe('the error answer of a refused field', () => {
  it('names a bad time zone by field and reason, without echoing it', async () => {
    const res = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, { ...CAL, timeZone: 'Mars/Olympus_Mons' });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request', field: 'timeZone', reason: 'time_zone' });
    expect(JSON.stringify(res.json)).not.toContain('Olympus');
  });

  it('carries the bounds of a too-long or too-short field', async () => {
    const res = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, { ...CAL, name: 'x'.repeat(101) });
    expect(res.json.error).toMatchObject({ code: 'invalid_request', field: 'name', reason: 'too_big', params: { maximum: 100 } });
    const empty = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, { ...CAL, name: '' });
    expect(empty.json.error).toMatchObject({ field: 'name', reason: 'too_small', params: { minimum: 1 } });
  });

  it('gives the path of a nested field', async () => {
    const res = await f.call('POST', '/api/v1/channels/ch1/calendars', f.tokens.platform, {
      ...CAL,
      workdaySegments: [{ start: 540, end: 2000 }],
    });
    expect(res.json.error).toMatchObject({ field: 'workdaySegments.0.end', reason: 'too_big', params: { maximum: 1440 } });
  });

  it('names the field of a story’s own refusal written "<field>: …"', async () => {
    const res = await f.call('GET', '/api/v1/channels/ch1/conversations/search?text=%20', f.tokens.platform);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request', field: 'text', reason: 'invalid' });
    const page = await f.call('GET', '/api/v1/channels/ch1/conversations/export.csv?page=99', f.tokens.platform);
    expect(page.json.error).toMatchObject({ field: 'page', reason: 'invalid' });
  });

  it('answers other refusals with their code alone', async () => {
    const res = await f.call('GET', '/api/v1/calendars/nope', f.tokens.platform);
    expect(res.status).toBe(404);
    expect(Object.keys(res.json.error).sort()).toEqual(['code', 'message']);
  });
});
