// What the operator's commands work with: the same stores as the server, opened from DATA_DIR, or
// in-memory ones in tests. Commands print through `print` and never print a secret or a password.
import type { AuthStores } from '../core/ports/auth';
import type { ChannelStore } from '../core/ports/channel-store';
import type { Clock } from '../core/ports/clock';
import type { UnitOfWork } from '../core/ports/unit-of-work';
import { AuthService } from '../http/api/auth/auth-service';
import type { KnowledgeService } from '../knowledge/knowledge-service';
import { UsageError } from './send-command';

export interface CliContext {
  channels: ChannelStore;
  uow: UnitOfWork;
  auth: AuthStores;
  clock: Clock;
  /** For secrets given through the environment instead of flags (flags show in `ps`). */
  env: Record<string, string | undefined>;
  print(line: string): void;
  /** Issue 5: the knowledge base on the same database. */
  knowledge?: KnowledgeService;
}

export const authService = (ctx: CliContext) => new AuthService({ stores: ctx.auth, clock: ctx.clock });

export { UsageError } from './send-command';

/** `value` or the environment variable `envName`; a usage error naming both when neither is set. */
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required: true): string;
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required?: false): string | undefined;
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required = false): string | undefined {
  const found = value ?? ctx.env[envName];
  if (required && (found === undefined || found === '')) throw new UsageError(`${flag} or the environment variable ${envName} is required`);
  return found === '' ? undefined : found;
}
