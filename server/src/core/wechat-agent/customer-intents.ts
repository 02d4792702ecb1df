// What a customer's text may mean beyond the conversation itself (after the 微擎 module):
// 再见 leaves the session, `openid` asks for one's own openid (so an admin can bind it to an agent),
// and calling an agent by name ("小王", "找小王") asks for that agent. Pure.

export type CustomerIntent = { kind: 'leave' } | { kind: 'openid' } | { kind: 'call_agent'; name: string } | { kind: 'none' };

const LEAVE = new Set(['再见', '拜拜', 'bye']);
/** Polite wrappers around a name; the name itself must match exactly, so ordinary sentences never route. */
const CALL = /^(?:找|转|转接|呼叫|叫|[@＠])?\s*(.+?)\s*(?:在吗|在不在)?\s*[?？!！。.]*$/;

/**
 * The only names `text` can call: the whole text, and the name inside a polite wrapper. An agent whose
 * name is neither is never called by it, so a caller may look up just these names instead of the team's.
 */
export function nameCandidates(text: string): string[] {
  const t = text.trim();
  const wrapped = CALL.exec(t)?.[1];
  return [t, ...(wrapped !== undefined && wrapped !== t ? [wrapped] : [])].filter((n) => n !== '');
}

export function customerIntent(text: string, agentNames: readonly string[]): CustomerIntent {
  const t = text.trim();
  if (LEAVE.has(t.toLowerCase())) return { kind: 'leave' };
  if (t.toLowerCase() === 'openid') return { kind: 'openid' };
  const candidates = nameCandidates(t);
  const name = agentNames.find((n) => candidates.includes(n));
  return name !== undefined ? { kind: 'call_agent', name } : { kind: 'none' };
}
