// NUL and bidirectional controls in names, over real HTTP on the composed server (SQLite file) and the
// WeChat emulator: a customer's nickname from the session-from is stored without them; an admin who types
// them into a name (agent, group, merchant, calendar, channel, token) is refused with 400 and told why.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { arrangePeople, customerWrites, type People } from './testing/stack-people';

const NUL = '\u0000';
const RLO = '\u202E';

let stack: Stack;
let p: People;
beforeAll(async () => {
  stack = await startStack();
  p = await arrangePeople(stack);
});
afterAll(() => stack.close());

it('removes NUL, right-to-left overrides and isolates from a customer’s nickname', async () => {
  await customerWrites(stack, 'oBidi1', '你好', undefined, `小${NUL}明${RLO}gpj.exe\u2066x\u2069\u200F`);
  const customer = await p.call('GET', `/channels/${CHANNEL.id}/customers?openid=oBidi1`, p.tokens.platform);
  expect(customer.status).toBe(200);
  const profile = await p.call('GET', `/customers/${customer.json.id}`, p.tokens.platform);
  expect(profile.json.nickname).toBe('小明gpj.exex');
});

describe('admin input', () => {
  const bad = [`客服${NUL}`, `${RLO}exe.txt`, 'a\u2067b', 'line\nbreak', 'del\u007F', 'c1\u0085'];
  const refusals: Array<[string, string, (name: string) => unknown]> = [
    ['POST', `/channels/${CHANNEL.id}/agents`, (name) => ({ name })],
    ['POST', `/channels/${CHANNEL.id}/groups`, (name) => ({ name })],
    ['POST', `/channels/${CHANNEL.id}/merchants`, (name) => ({ code: 'shop-x', name })],
    ['POST', `/channels/${CHANNEL.id}/calendars`, (name) => ({ name, timeZone: 'Asia/Shanghai', weekly: [] })],
    ['PATCH', `/channels/${CHANNEL.id}`, (name) => ({ name })],
    ['POST', '/tokens', (name) => ({ name, grant: { role: 'platform_admin' } })],
  ];
  for (const [method, path, body] of refusals) {
    it(`${method} ${path.replace(CHANNEL.id, ':channelId')}: refused with 400 and a clear message`, async () => {
      for (const name of bad) {
        const res = await p.call(method, path, p.tokens.platform, body(name));
        expect([name, res.status]).toEqual([name, 400]);
        expect(res.text).toContain('control characters');
      }
    });
  }

  it('an ordinary name with spaces, CJK, emoji and a zero-width joiner is still accepted', async () => {
    const res = await p.call('POST', `/channels/${CHANNEL.id}/agents`, p.tokens.platform, { name: '小王 Wang 👩‍💻' });
    expect(res.status).toBe(201);
  });
});
