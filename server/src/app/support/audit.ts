// Every change an admin, a supervisor or the operator makes is recorded here, by the story that makes it:
// who (the principal, with the account's or token's name as it is now), when (the server's clock), what
// (action, target, channel and merchant) and the target before and after, secrets removed (redact.ts).
// Inside the change's unit of work when it has one (`tx`), so a change rolled back records nothing;
// otherwise just after the change, from the story, so the command line's changes are recorded too.
import { redact } from '../../core/audit/redact';
import type { AuditActor, AuditEntry, AuditLog } from '../../core/ports/audit-log';
import type { AuthStores } from '../../core/ports/auth';
import type { Clock } from '../../core/ports/clock';
import type { IdGenerator } from '../../core/ports/id-generator';
import type { Transaction } from '../../core/ports/unit-of-work';
import type { Principal } from '../auth/principal';

export interface AuditDeps {
  clock: Clock;
  /** Absent (a story run on behalf of WeChat, not of a person): nothing is recorded. */
  ids?: IdGenerator | undefined;
  /** Absent: nothing is recorded (stories tested without a log). */
  audit?: AuditLog | undefined;
  /** Names the actor; absent: the actor is named by its id. */
  auth?: { stores: AuthStores } | undefined;
}

/** What changed; `before` absent for a create, `after` absent for a delete. */
export interface Change {
  action: string;
  targetType: string;
  targetId: string;
  channelId?: string | undefined;
  merchantId?: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** What the command line is called in the log. */
export const OPERATOR_NAME = 'command line';

/** The actor of a principal, named as its account or token is named now. */
export async function auditActor(deps: AuditDeps, p: Principal): Promise<AuditActor> {
  const via = p.via;
  if (via.kind === 'operator') return { kind: 'operator', name: OPERATOR_NAME, role: p.role };
  if (via.kind === 'token') {
    const token = await deps.auth?.stores.tokens.get(via.tokenId);
    return { kind: 'token', id: via.tokenId, name: token?.name ?? via.tokenId, role: p.role };
  }
  const account = await deps.auth?.stores.accounts.get(via.accountId);
  return { kind: 'account', id: via.accountId, name: account?.username ?? via.accountId, role: p.role };
}

/** Records one change; in `tx` when given (the change's own unit), else straight into the log. */
export async function recordChange(deps: AuditDeps, p: Principal, change: Change, tx?: Transaction): Promise<void> {
  const writer = tx?.audit ?? deps.audit;
  if (!writer || !deps.ids) return;
  const before = redact(change.before);
  const after = redact(change.after);
  const entry: AuditEntry = {
    id: deps.ids.next('aud'),
    at: deps.clock.now(),
    actor: await auditActor(deps, p),
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    ...(change.channelId !== undefined && { channelId: change.channelId }),
    ...(change.merchantId !== undefined && { merchantId: change.merchantId }),
    ...(before !== undefined && { before }),
    ...(after !== undefined && { after }),
  };
  await writer.append(entry);
}

/** The change of a scoped record (agent, group, calendar, merchant…): its channel and merchant come with it. */
export function recordOf<T extends { id: string; channelId: string; merchantId?: string | undefined }>(
  targetType: string,
  verb: string,
  before: T | undefined,
  after: T | undefined,
): Change {
  const r = (after ?? before) as T;
  return { action: `${targetType}.${verb}`, targetType, targetId: r.id, channelId: r.channelId, merchantId: r.merchantId, before, after };
}

/** The names of the secrets a change replaced, never their values: the log tells that a Token was rotated. */
export function changedSecrets<T extends object>(before: T, after: T, names: readonly (keyof T & string)[]): string[] {
  return names.filter((n) => before[n] !== after[n]);
}

/**
 * Runs a change made by a service outside app/ (the knowledge base's) and records it once it succeeded;
 * `change` sees the result, for a new record's id and its value after.
 */
export async function audited<T>(deps: AuditDeps, p: Principal, work: () => Promise<T>, change: (result: T) => Change): Promise<T> {
  const result = await work();
  await recordChange(deps, p, change(result));
  return result;
}

/** The knowledge base's changes (`action`: 'entry.create', 'synonyms.replace'…), for its routes and commands. */
export function knowledgeChange(
  scope: { channelId: string; merchantId?: string | undefined },
  action: string,
  targetId: string | number,
  before: unknown,
  after: unknown,
): Change {
  const [part] = action.split('.');
  return {
    action: `knowledge_${action}`,
    targetType: `knowledge_${part}`,
    targetId: String(targetId),
    channelId: scope.channelId,
    merchantId: scope.merchantId,
    before,
    after,
  };
}

/** An export taken: what was asked for; the files or answer themselves are not kept. */
export const exportTaken = (
  what: string,
  where: { channelId?: string | undefined; merchantId?: string | undefined },
  after: unknown,
): Change => ({
  action: 'export.take',
  targetType: 'export',
  targetId: what,
  ...where,
  after,
});
