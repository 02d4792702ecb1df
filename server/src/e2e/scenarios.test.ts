// Runs docs/conversation-scenarios.md as written: the product's specification of what customers and agents
// see, step by step, over real HTTP, with the WeChat emulator and the test clock.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Scenario, parseScenarios, type Step } from './testing/scenario-table';
import { moveTo, startClockedStack, waitIdle } from './testing/clock';
import { CHANNEL, type Stack } from './testing/stack';

// A Monday (a workday) in the future, so that the test clock and WeChat's only ever move forward.
const DAY = '2026-12-14';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const scenarios = parseScenarios(readFileSync(join(__dirname, '../../../docs/conversation-scenarios.md'), 'utf8'));

interface Conversation {
  id: string;
  customerId: string;
  state: string;
  agentId?: string;
}
interface Message {
  direction: string;
  noticeKinds?: string[];
  noticeKind?: string;
}

/** One scenario's world: the stack, the names it gave, what each customer had received at the last check. */
class World {
  readonly agents = new Map<string, { id: string; token: string }>();
  readonly groups = new Map<string, string>();
  private readonly seen = new Map<string, number>();
  private readonly noticesSeen = new Map<string, number>();
  lastRefusal: string | undefined;

  constructor(
    readonly stack: Stack,
    private readonly adminToken: string,
  ) {}

  /** The API as a platform admin, with an API token (a login session would expire after 12 h of scenario time). */
  async api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    return this.call<T>(this.adminToken, method, path, body);
  }

  private async call<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.stack.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json().catch(() => undefined)) as T };
  }

  openid = (customer: string) => {
    if (!this.seen.has(customer)) this.seen.set(customer, 0);
    return `oScenario${customer}`;
  };

  /** Forgets what was delivered so far: a step's expectations speak of what that step caused. */
  async newStep(): Promise<void> {
    for (const customer of this.seen.keys()) {
      await this.received(customer);
      await this.notices(customer);
    }
  }

  async received(customer: string): Promise<string[]> {
    const all = await this.stack.delivered(this.openid(customer));
    const fresh = all.slice(this.seen.get(customer) ?? 0);
    this.seen.set(customer, all.length);
    return fresh;
  }

  async conversations(customer: string): Promise<Conversation[]> {
    const found = await this.api<{ id: string }>('GET', `/channels/${CHANNEL.id}/customers?openid=${this.openid(customer)}`);
    if (found.status !== 200) return [];
    const list = await this.api<{ items: Conversation[] }>('GET', `/channels/${CHANNEL.id}/conversations?customerId=${found.body.id}`);
    return list.body.items;
  }

  async latest(customer: string): Promise<Conversation | undefined> {
    return (await this.conversations(customer))[0];
  }

  /** The kinds of the automatic messages recorded on the customer's latest conversation since the last look. */
  async notices(customer: string): Promise<string[]> {
    const conversation = await this.latest(customer);
    if (!conversation) return [];
    const messages = await this.api<{ items: Message[] }>('GET', `/conversations/${conversation.id}/messages?limit=200`);
    const kinds = messages.body.items.flatMap((m) => m.noticeKinds ?? (m.noticeKind ? [m.noticeKind] : []));
    const key = `${customer}:${conversation.id}`;
    const fresh = kinds.slice(this.noticesSeen.get(key) ?? 0);
    this.noticesSeen.set(key, kinds.length);
    return fresh;
  }

  agentName(id: string | undefined): string | undefined {
    return [...this.agents].find(([, a]) => a.id === id)?.[0];
  }

  /** Calls the API as an agent (their own token), remembering a refusal's code. */
  async asAgent(name: string, method: string, path: string, body?: unknown): Promise<void> {
    const agent = this.agents.get(name);
    if (!agent) throw new Error(`no agent ${name} in the scenario's Given lines`);
    const res = await this.call<{ error?: { code?: string } } | undefined>(agent.token, method, path, body ?? {});
    this.lastRefusal = res.status < 300 ? undefined : (res.body?.error?.code ?? `http_${res.status}`);
  }
}

/** Adds to the channel's stored settings (the API replaces the stored patch as a whole). */
async function setting(world: World, patch: Record<string, unknown>): Promise<void> {
  const current = await world.api<{ stored: Record<string, unknown> }>('GET', `/channels/${CHANNEL.id}/settings`);
  const saved = await world.api('PUT', `/channels/${CHANNEL.id}/settings`, { ...current.body.stored, ...patch });
  expect({ patch, status: saved.status }).toEqual({ patch, status: 200 });
}

async function given(world: World, line: string): Promise<void> {
  const api = world.api.bind(world);
  let m: RegExpMatchArray | null;
  if ((m = line.match(/^mode (\w+)$/))) {
    await setting(world, { receptionMode: m[1] });
  } else if ((m = line.match(/^setting (\w+) (.+)$/))) {
    await setting(world, { [m[1] as string]: JSON.parse(m[2] as string) });
  } else if ((m = line.match(/^work time (\d\d:\d\d)-(\d\d:\d\d)$/))) {
    const calendar = await api<{ id: string }>('POST', `/channels/${CHANNEL.id}/calendars`, {
      name: 'work time',
      timeZone: 'Asia/Shanghai',
      workdays: [1, 2, 3, 4, 5],
      workdaySegments: [{ start: minutes(m[1] as string), end: minutes(m[2] as string) }],
    });
    expect(calendar.status).toBe(201);
    await setting(world, { calendarId: calendar.body.id });
  } else if ((m = line.match(/^agent (\S+) (online|offline)(?: max (\d+))?$/))) {
    const name = m[1] as string;
    const agent = await api<{ id: string }>('POST', `/channels/${CHANNEL.id}/agents`, { name, maxConcurrent: Number(m[3] ?? 5) });
    expect(agent.status).toBe(201);
    const token = await api<{ token: string }>('POST', '/tokens', {
      name: `scenario ${name}`,
      grant: { role: 'agent', agentId: agent.body.id },
    });
    expect(token.status).toBe(201);
    world.agents.set(name, { id: agent.body.id, token: token.body.token });
    if (m[2] === 'online') await api('PUT', `/agents/${agent.body.id}/status`, { status: 'online' });
  } else if ((m = line.match(/^group (\S+): (.+)$/))) {
    const members = (m[2] as string).split(',').map((n) => world.agents.get(n.trim())?.id);
    const group = await api<{ id: string }>('POST', `/channels/${CHANNEL.id}/groups`, { name: m[1] });
    expect(group.status).toBe(201);
    world.groups.set(m[1] as string, group.body.id);
    for (const agentId of members) {
      const agent = await api<{ groupIds: string[] }>('GET', `/agents/${agentId}`);
      await api('PATCH', `/agents/${agentId}`, { groupIds: [...agent.body.groupIds, group.body.id] });
    }
  } else if ((m = line.match(/^knowledge (\d+) "([^"]+)" keywords (.+): "([^"]+)"$/))) {
    const keywords = (m[3] as string).split(',').map((k) => k.trim());
    const entry = await api('POST', `/channels/${CHANNEL.id}/knowledge`, {
      number: Number(m[1]),
      title: m[2],
      keywords,
      type: 'text',
      text: m[4],
    });
    expect(entry.status).toBe(201);
  } else throw new Error(`a Given the runner does not know: ${line}`);
}

/** The session-from of a customer entering, with the transfer_action as written (ids in place of <names>). */
function sessionFrom(world: World, customer: string, transferAction: string | undefined): string {
  const named = transferAction?.replace(/<([^<>]+)>/g, (_, name: string) => world.groups.get(name) ?? world.agents.get(name)?.id ?? name);
  return `sobot|${customer}|||${named === undefined ? '' : `transfer_action=${named}`}|`;
}

async function act(world: World, step: Step): Promise<void> {
  const { who, does } = step;
  const emulator = world.stack.emulator;
  const app = { appId: CHANNEL.appId } as never;
  let m: RegExpMatchArray | null;
  if (who === 'clock') return;
  if ((m = who.match(/^customer (\w)$/))) {
    const customer = m[1] as string;
    if ((m = does.match(/^enters the chat(?: with transfer_action (.+))?$/))) {
      await emulator.customerSays(app, world.openid(customer), 'user_enter_tempsession', {
        sessionFrom: sessionFrom(world, customer, m[1]),
      });
    } else if ((m = does.match(/^writes "(.*)"$/))) {
      await emulator.customerSays(app, world.openid(customer), 'text', { text: m[1] });
    } else throw new Error(`a customer action the runner does not know: ${does}`);
    return;
  }
  if (!(m = who.match(/^agent (\S+)$/))) throw new Error(`who is ${who}?`);
  const name = m[1] as string;
  const agent = world.agents.get(name);
  const target = async (customer: string) => (await world.latest(customer))?.id ?? 'none';
  if ((m = does.match(/^goes (online|offline)$/))) {
    await world.asAgent(name, 'PUT', `/agents/${agent?.id}/status`, { status: m[1] });
  } else if ((m = does.match(/^replies "(.*)" to (\w)$/))) {
    await world.asAgent(name, 'POST', `/conversations/${await target(m[2] as string)}/reply`, { text: m[1] });
  } else if ((m = does.match(/^transfers (\w) to (?:agent (\S+)|group (\S+)|(the queue))$/))) {
    const to = m[2]
      ? { kind: 'agent', agentId: world.agents.get(m[2])?.id ?? 'agt_nobody' }
      : m[3]
        ? { kind: 'group', groupId: world.groups.get(m[3]) ?? 'grp_nobody' }
        : { kind: 'queue' };
    await world.asAgent(name, 'POST', `/conversations/${await target(m[1] as string)}/transfer`, { to });
  } else if ((m = does.match(/^ends (\w)$/))) {
    await world.asAgent(name, 'POST', `/conversations/${await target(m[1] as string)}/end`, {});
  } else if ((m = does.match(/^takes (\w)'s left message$/))) {
    await world.asAgent(name, 'POST', `/conversations/${await target(m[1] as string)}/take`, {});
  } else throw new Error(`an agent action the runner does not know: ${does}`);
}

const STATES: Record<string, string> = { queued: 'queued', 'left message': 'left_message', 'with the robot': 'bot', ended: 'ended' };

async function check(world: World, clause: string): Promise<void> {
  let m: RegExpMatchArray | null;
  if ((m = clause.match(/^(\w) receives nothing$/))) {
    expect(await world.received(m[1] as string)).toEqual([]);
  } else if ((m = clause.match(/^(\w) receives (\d+) messages?(?: with "(.*)")?$/))) {
    const texts = await world.received(m[1] as string);
    expect({ clause, texts: texts.length, refused: world.lastRefusal }).toEqual({ clause, texts: Number(m[2]), refused: undefined });
    if (m[3] !== undefined) expect(texts.join('\n')).toContain(m[3]);
  } else if ((m = clause.match(/^(\w)'s conversation is (?:assigned to (\S+)|(.+))$/))) {
    const conversation = await world.latest(m[1] as string);
    const actual = conversation && { state: conversation.state, agent: world.agentName(conversation.agentId) };
    const expected = m[2] ? { state: 'assigned', agent: m[2] } : { state: STATES[m[3] as string], agent: expect.anything() };
    if (!m[2]) expect({ clause, state: actual?.state }).toEqual({ clause, state: expected.state });
    else expect({ clause, ...actual }).toEqual({ clause, ...expected });
  } else if ((m = clause.match(/^(\w) has (\d+) conversations?$/))) {
    expect((await world.conversations(m[1] as string)).length).toBe(Number(m[2]));
  } else if ((m = clause.match(/^refused (\w+)$/))) {
    expect({ clause, refused: world.lastRefusal }).toEqual({ clause, refused: m[1] });
  } else if ((m = clause.match(/^(\w)'s notices: (.+)$/))) {
    expect({ clause, notices: await world.notices(m[1] as string) }).toEqual({ clause, notices: (m[2] as string).split(/,\s*/) });
  } else throw new Error(`an expectation the runner does not know: ${clause}`);
}

async function run(scenario: Scenario): Promise<void> {
  const stack = await startClockedStack();
  try {
    await moveTo(stack, at('08:00'));
    const token = await stack.api<{ token: string }>('POST', '/tokens', { name: 'scenario admin', grant: { role: 'platform_admin' } });
    const world = new World(stack, token.body.token);
    for (const line of scenario.given) await given(world, line);
    for (const step of scenario.steps) {
      await world.newStep(); // what follows (time passing included) is this step's doing
      if (step.time) await moveTo(stack, at(step.time));
      await act(world, step);
      await waitIdle(stack);
      for (const clause of step.expected) await check(world, clause);
    }
  } finally {
    await stack.close();
  }
}

describe('conversation scenarios (docs/conversation-scenarios.md)', () => {
  it('the document holds scenarios the runner reads', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(s.steps.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios) {
    it(scenario.title, () => run(scenario), 60_000);
  }
});
