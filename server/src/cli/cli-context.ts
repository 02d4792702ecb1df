// What the operator's commands work with: the admin stories' dependencies over the same stores as the
// server, opened from DATA_DIR (main.ts builds them), or in-memory ones in tests. Commands print through
// `print` and never print a secret or a password.
import type { AdminDeps } from '../app/admin/admin-deps';
import { ApiError } from '../app/errors';
import type { KnowledgeService } from '../knowledge/knowledge-service';
import type { PlatformDeps } from '../app/open-platform/index';
import type { QuickReplyStore } from '../core/ports/quick-reply-store';
import { UsageError } from './send-command';

export interface CliContext {
  /** The stories' dependencies: the same rules as the REST API, with the operator as caller. */
  admin: AdminDeps;
  /** For secrets given through the environment instead of flags (flags show in `ps`). */
  env: Record<string, string | undefined>;
  print(line: string): void;
  /** The knowledge base on the same database. */
  knowledge?: KnowledgeService;
  /** The open platform's settings on the same database. */
  platform?: Pick<PlatformDeps, 'platform' | 'clock'>;
  /** Quick replies on the same database. */
  quickReplies?: QuickReplyStore;
}

export { UsageError } from './send-command';

/** Fields named as the API names them become flags: `body.maxConcurrent: …` → `--max-concurrent: …`. */
export const flagNames = (text: string): string =>
  text.replace(/body\.([A-Za-z]+)/g, (_m, f: string) => `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

/**
 * A story refusing the command's input (invalid 400, missing 404, taken 409) is a usage error (exit 2);
 * anything else stays a failure (exit 1).
 */
export async function usage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof ApiError && [400, 404, 409].includes(err.status)) throw new UsageError(flagNames(err.publicMessage));
    throw err;
  }
}

/** False when the story answered 404 (the command then says so and exits 1, as removing nothing does). */
export async function falseWhenMissing(work: Promise<boolean | void>): Promise<boolean> {
  try {
    return (await work) !== false;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return false;
    throw err;
  }
}

/** `value` or the environment variable `envName`; a usage error naming both when neither is set. */
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required: true): string;
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required?: false): string | undefined;
export function flagOrEnv(ctx: CliContext, value: string | undefined, flag: string, envName: string, required = false): string | undefined {
  const found = value ?? ctx.env[envName];
  if (required && (found === undefined || found === '')) throw new UsageError(`${flag} or the environment variable ${envName} is required`);
  return found === '' ? undefined : found;
}
