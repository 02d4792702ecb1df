// The channel's time zone for the console: the named work calendar's (a merchant's own first), else the server's.
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let f: ApiFixture;
beforeEach(async () => {
  f = await startApiFixture();
});
afterEach(() => f.close());

const calendar = async (token: string, timeZone: string): Promise<string> => {
  const body = { name: `Office ${timeZone}`, timeZone, workdays: [1], workdaySegments: [{ start: 540, end: 1080 }] };
  const res = await f.call('POST', '/api/v1/channels/ch1/calendars', token, body);
  expect(res.status).toBe(201);
  return res.json.id as string;
};

describe('GET /channels/:channelId/time-zone', () => {
  it('follows the calendar the settings name, a merchant’s own before the channel’s', async () => {
    const before = await f.call('GET', '/api/v1/channels/ch1/time-zone', f.tokens.platform);
    expect(before.json.source).toBe('server');

    const tokyo = await calendar(f.tokens.platform, 'Asia/Tokyo');
    await f.call('PUT', '/api/v1/channels/ch1/settings', f.tokens.platform, { calendarId: tokyo });
    expect((await f.call('GET', '/api/v1/channels/ch1/time-zone', f.tokens.platform)).json).toEqual({
      timeZone: 'Asia/Tokyo',
      source: 'calendar',
    });
    expect((await f.call('GET', '/api/v1/channels/ch1/time-zone', f.tokens.agent1)).json.timeZone).toBe('Asia/Tokyo');

    const kolkata = await calendar(f.tokens.merchantAdmin, 'Asia/Kolkata');
    await f.call('PUT', '/api/v1/merchants/m1/settings', f.tokens.merchantAdmin, { calendarId: kolkata });
    expect((await f.call('GET', '/api/v1/channels/ch1/time-zone', f.tokens.merchantAdmin)).json.timeZone).toBe('Asia/Kolkata');
    expect((await f.call('GET', '/api/v1/channels/ch1/time-zone', f.tokens.platform)).json.timeZone).toBe('Asia/Tokyo');
  });

  it('is refused outside the caller’s channel', async () => {
    expect((await f.call('GET', '/api/v1/channels/elsewhere/time-zone', f.tokens.merchantAdmin)).status).toBe(403);
  });
});
