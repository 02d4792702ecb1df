// What an agent answering from their own WeChat may type, parsed from the text of their
// message. The command set and shortcuts follow the 微擎 module in shared/seeds (下一个/p, 排队/m,
// 清零/0, 看留言, @id:text, @id:n#, @所有人, 隐身/上班/忙碌); anything else is a reply to the current
// customer. Pure: the use cases decide what a command does.
import type { AgentStatus } from '../model/agent';

export type AgentCommand =
  | { kind: 'next' }
  | { kind: 'queue' }
  | { kind: 'clear_queue' }
  | { kind: 'confirm' }
  | { kind: 'left_messages' }
  | { kind: 'to_customer'; number: number; text: string }
  | { kind: 'knowledge_to_customer'; number: number; entry: string }
  | { kind: 'broadcast'; text: string }
  | { kind: 'knowledge_broadcast'; entry: string }
  | { kind: 'status'; status: AgentStatus }
  | { kind: 'help' }
  | { kind: 'openid' }
  /** `/q`: the agent's quick replies, numbered; `/q 2` or `/q 问候`: send one to the current customer. */
  | { kind: 'quick_reply'; key?: string }
  /** Not a command: goes to the current customer as written. */
  | { kind: 'reply'; text: string };

const EXACT: Record<string, AgentCommand> = {
  下一个: { kind: 'next' },
  p: { kind: 'next' },
  排队: { kind: 'queue' },
  m: { kind: 'queue' },
  清零: { kind: 'clear_queue' },
  '0': { kind: 'clear_queue' },
  看留言: { kind: 'left_messages' },
  隐身: { kind: 'status', status: 'invisible' },
  上班: { kind: 'status', status: 'online' },
  空闲: { kind: 'status', status: 'online' },
  忙碌: { kind: 'status', status: 'busy' },
  下班: { kind: 'status', status: 'offline' },
  帮助: { kind: 'help' },
  help: { kind: 'help' },
  '?': { kind: 'help' },
  '？': { kind: 'help' },
  openid: { kind: 'openid' },
};

/** Words that confirm a pending 清零; only while one is pending, otherwise they are ordinary replies. */
const CONFIRM = new Set(['确认', '确定', '是', 'y', 'yes']);

/** `@12:你好`, `@12：你好`, `@12 你好`; the seed writes a colon, phones often produce the full-width one. */
const TO_CUSTOMER = /^[@＠](\d{1,6})\s*(?:[:：]\s*|\s+)([\s\S]+)$/;
const BROADCAST = /^[@＠]所有人\s*(?:[:：]\s*|\s+)([\s\S]+)$/;
/** `3#` (entry 3) or `网址#` (by keyword, as the seed allows). */
const KNOWLEDGE = /^(\S{1,32})[#＃]$/;
/** `/q`, `/q 2`, `/q 问候` (a full-width slash from a phone's Chinese keyboard too). */
const QUICK_REPLY = /^[/／][qQ](?:\s+([\s\S]+))?$/;

export interface ParseContext {
  /** A 清零 is waiting for its confirmation. */
  confirming: boolean;
}

export function parseAgentCommand(text: string, context: ParseContext = { confirming: false }): AgentCommand {
  const t = text.trim();
  const exact = EXACT[t.toLowerCase()] ?? EXACT[t];
  if (exact) return exact;
  if (context.confirming && CONFIRM.has(t.toLowerCase())) return { kind: 'confirm' };
  const quick = QUICK_REPLY.exec(t);
  if (quick) return quick[1] === undefined ? { kind: 'quick_reply' } : { kind: 'quick_reply', key: quick[1].trim() };
  const all = BROADCAST.exec(t);
  if (all?.[1] !== undefined) {
    const body = all[1].trim();
    const entry = KNOWLEDGE.exec(body)?.[1];
    return entry !== undefined ? { kind: 'knowledge_broadcast', entry } : { kind: 'broadcast', text: body };
  }
  const one = TO_CUSTOMER.exec(t);
  if (one?.[1] !== undefined && one[2] !== undefined) {
    const number = Number(one[1]);
    const body = one[2].trim();
    const entry = KNOWLEDGE.exec(body)?.[1];
    return entry !== undefined ? { kind: 'knowledge_to_customer', number, entry } : { kind: 'to_customer', number, text: body };
  }
  return { kind: 'reply', text };
}
