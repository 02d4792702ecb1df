// The composed server serving the built workbench (build/web) under /app/, the WeChat emulator on its
// own port, and helpers to set up what a browser test needs: agents with logins, customers who write
// through WeChat (the emulator signs and encrypts the push), more channels, logins in a browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHANNEL, eventually, startStack, type Stack, type StackOptions } from '../../../server/src/e2e/testing/stack';

export { addChannel } from '../../../server/src/e2e/testing/add-channel';

export { CHANNEL, eventually, type Stack };

const ROOT = join(__dirname, '../../..');
export const WEB_DIR = join(ROOT, 'build/web');
export const ADMIN = { username: 'admin', password: 'admin-password-1' };

/** `extra`: more of the stack's options (the test clock, webhooks to a local receiver, …). */
export async function startWebStack(extra: StackOptions = {}): Promise<Stack> {
  if (!existsSync(join(WEB_DIR, 'index.html')))
    throw new Error(`${WEB_DIR}/index.html is missing: run \`npm run build:web\` first (npm test does)`);
  const stack = await startStack({ webDir: WEB_DIR, simulator: true, ...extra });
  const res = await fetch(`${stack.baseUrl}/app/`);
  const html = await res.text();
  if (res.status !== 200 || !html.includes('id="root"')) {
    await stack.close();
    throw new Error(`the server does not serve the workbench at /app/ (HTTP ${res.status}): compose it with config.webDir = build/web`);
  }
  return stack;
}

export type AgentStatus = 'online' | 'busy' | 'invisible' | 'offline';

export interface AgentLogin {
  agentId: string;
  name: string;
  username: string;
  password: string;
}

/** An agent of `channelId` (default: the stack's channel) with a login, in the given status. */
export async function createAgent(
  stack: Stack,
  a: { name: string; username: string; status?: AgentStatus; maxConcurrent?: number; channelId?: string },
): Promise<AgentLogin> {
  const channelId = a.channelId ?? CHANNEL.id;
  const agent = await stack.api<{ id: string }>('POST', `/channels/${channelId}/agents`, {
    name: a.name,
    maxConcurrent: a.maxConcurrent ?? 3,
  });
  if (agent.status !== 201) throw new Error(`creating agent ${a.name}: HTTP ${agent.status} ${JSON.stringify(agent.body)}`);
  const password = `${a.username}-password`;
  const account = await stack.api('POST', '/accounts', {
    username: a.username,
    password,
    grant: { role: 'agent', agentId: agent.body.id },
  });
  if (account.status !== 201) throw new Error(`creating the login of ${a.name}: HTTP ${account.status} ${JSON.stringify(account.body)}`);
  await setStatus(stack, agent.body.id, a.status ?? 'online');
  return { agentId: agent.body.id, name: a.name, username: a.username, password };
}

export async function setStatus(stack: Stack, agentId: string, status: AgentStatus): Promise<void> {
  const res = await stack.api('PUT', `/agents/${agentId}/status`, { status });
  if (res.status !== 200) throw new Error(`status of ${agentId}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
}

/** The customer types in WeChat; the emulator pushes it to the server (signed, encrypted). */
export async function customerWrites(stack: Stack, openid: string, text: string, appId = CHANNEL.appId): Promise<void> {
  await stack.emulator.customerSays({ appId } as never, openid, 'text', { text });
}

export interface ConversationView {
  id: string;
  state: string;
  agentId?: string;
  customerId: string;
}

/** The latest conversation of the customer `openid`, once it exists (and, if given, is in `state`). */
export async function conversationOf(stack: Stack, openid: string, state?: string, channelId = CHANNEL.id): Promise<ConversationView> {
  return eventually(async () => {
    const customer = await stack.api<{ id: string }>('GET', `/channels/${channelId}/customers?openid=${encodeURIComponent(openid)}`);
    if (customer.status !== 200) return undefined;
    const list = await stack.api<{ items: ConversationView[] }>(
      'GET',
      `/channels/${channelId}/conversations?customerId=${customer.body.id}&limit=1`,
    );
    const latest = list.body.items[0];
    return latest && (state === undefined || latest.state === state) ? latest : undefined;
  }, 10_000);
}

/** Waits until WeChat (the emulator) delivered `what` (a text, or `[image]`, `[miniprogrampage]`) to `openid`. */
export async function deliveredTo(stack: Stack, openid: string, what: string, ms = 10_000): Promise<void> {
  try {
    await eventually(async () => ((await stack.delivered(openid)).includes(what) ? true : undefined), ms);
  } catch {
    throw new Error(`WeChat did not deliver ${what} to ${openid}; it delivered: ${JSON.stringify(await stack.delivered(openid))}`);
  }
}

/** Logs in through the login page and waits for the app's frame. */
export async function logIn(page: Page, stack: Stack, who: { username: string; password: string }, path = '/app/'): Promise<void> {
  await page.goto(`${stack.baseUrl}${path}`);
  await page.locator('input[name="username"]').fill(who.username);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('input[name="password"]').press('Enter');
  await page.locator('header.topbar').waitFor();
}

/** Logs the context in over HTTP (the cookies land in the context), for tests not about the login page. */
export async function logInQuickly(context: BrowserContext, stack: Stack, who: { username: string; password: string }): Promise<void> {
  const res = await context.request.post(`${stack.baseUrl}/workbench/session`, {
    data: { username: who.username, password: who.password },
  });
  if (res.status() !== 200) throw new Error(`login of ${who.username}: HTTP ${res.status()} ${await res.text()}`);
}

/** Headers a cookie-authenticated unsafe request needs: the CSRF token from the readable cookie. */
export async function csrfHeaders(context: BrowserContext): Promise<Record<string, string>> {
  const csrf = (await context.cookies()).find((c) => c.name === 'kefu_csrf');
  return csrf ? { 'x-csrf-token': csrf.value } : {};
}
