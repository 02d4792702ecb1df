// Browser sessions against the composed server: the cookie stands in for the bearer header, and unsafe
// requests made with it need the CSRF token.
import { CHANNEL, startStack, type Stack } from '../../e2e/testing/stack';
import { CSRF_COOKIE, SESSION_COOKIE, parseCookies } from './cookies';
import { openSse } from './testing/sse-client';

let stack: Stack;
beforeEach(async () => {
  stack = await startStack();
});
afterEach(() => stack.close());

interface Browser {
  cookie: string;
  csrf: string;
  setCookies: string[];
  body: { expiresAt: number; csrfToken: string; principal: { role: string } };
}

async function cookieLogin(password = 'admin-password-1'): Promise<Browser> {
  const res = await fetch(`${stack.baseUrl}/workbench/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(res.status).toBe(200);
  const setCookies = res.headers.getSetCookie();
  const jar = parseCookies(setCookies.map((c) => c.split(';')[0]).join('; '));
  return {
    cookie: `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${jar.get(CSRF_COOKIE)}`,
    csrf: jar.get(CSRF_COOKIE) as string,
    setCookies,
    body: (await res.json()) as Browser['body'],
  };
}

const createAgent = (headers: Record<string, string>) =>
  fetch(`${stack.baseUrl}/api/v1/channels/${CHANNEL.id}/agents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: '小王' }),
  });

describe('cookie sessions for browsers', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and a readable CSRF cookie, never the token in the body', async () => {
    const b = await cookieLogin();
    const [session, csrf] = [
      b.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`)),
      b.setCookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`)),
    ];
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/); // plain HTTP here; HTTPS (req.secure) adds Secure
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(b.body.csrfToken).toBe(b.csrf);
    expect(b.body.principal.role).toBe('platform_admin');
    expect(JSON.stringify(b.body)).not.toContain('kfs_');
  });

  it('a wrong password is 401 and sets no cookie', async () => {
    const res = await fetch(`${stack.baseUrl}/workbench/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('the cookie authenticates GET requests of the API and the event stream', async () => {
    const b = await cookieLogin();
    const me = await fetch(`${stack.baseUrl}/api/v1/me`, { headers: { cookie: b.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { role: string }).role).toBe('platform_admin');
    const s = await openSse(`${stack.baseUrl}/api/v1/events`, { cookie: b.cookie });
    await s.next((e) => e.event === 'ready');
    s.close();
  });

  it('refuses an unsafe request with the cookie but without (or with a wrong) CSRF header', async () => {
    const b = await cookieLogin();
    const without = await createAgent({ cookie: b.cookie });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect((await createAgent({ cookie: b.cookie, 'x-csrf-token': 'forged' })).status).toBe(403);
    // A CSRF cookie and header that agree but belong to no session are refused too.
    expect(
      (await createAgent({ cookie: `${SESSION_COOKIE}=${b.cookie.split(';')[0]?.split('=')[1]}; ${CSRF_COOKIE}=x`, 'x-csrf-token': 'x' }))
        .status,
    ).toBe(403);
  });

  it('accepts an unsafe request with the cookie and its CSRF header', async () => {
    const b = await cookieLogin();
    expect((await createAgent({ cookie: b.cookie, 'x-csrf-token': b.csrf })).status).toBe(201);
  });

  it('bearer tokens need no CSRF header', async () => {
    const token = (
      (await (
        await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
        })
      ).json()) as { token: string }
    ).token;
    expect((await createAgent({ authorization: `Bearer ${token}` })).status).toBe(201);
  });

  it('logout (with the CSRF header) ends the session and clears both cookies', async () => {
    const b = await cookieLogin();
    expect((await fetch(`${stack.baseUrl}/workbench/session`, { method: 'DELETE', headers: { cookie: b.cookie } })).status).toBe(403);
    const out = await fetch(`${stack.baseUrl}/workbench/session`, {
      method: 'DELETE',
      headers: { cookie: b.cookie, 'x-csrf-token': b.csrf },
    });
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie();
    expect(cleared).toHaveLength(2);
    for (const c of cleared) expect(c).toMatch(/^kefu_\w+=; Path=\/; Max-Age=0/);
    expect((await fetch(`${stack.baseUrl}/api/v1/me`, { headers: { cookie: b.cookie } })).status).toBe(401);
  });

  it('a stale cookie does not stand in the way of a new login', async () => {
    const b = await cookieLogin();
    const again = await fetch(`${stack.baseUrl}/workbench/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: b.cookie },
      body: JSON.stringify({ username: 'admin', password: 'admin-password-1' }),
    });
    expect(again.status).toBe(200);
  });
});
