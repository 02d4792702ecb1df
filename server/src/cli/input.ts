// Flags checked by the contract's schemas, so the command line takes exactly what the REST API takes;
// problems name the flag (--name), never the value (it may be a secret).
import type { z } from 'zod';
import { password as passwordSchema, username as usernameSchema } from '../contract/auth';
import { describeIssues } from '../contract/validation';
import { flagNames, flagOrEnv, type CliContext } from './cli-context';
import { UsageError } from './send-command';

/** `input` parsed by `schema`; a usage error naming the flags otherwise (camelCase fields become --kebab-case). */
export function parseFlags<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)));
  if (!parsed.success) throw new UsageError(flagNames(describeIssues('body', parsed.error.issues)));
  return parsed.data;
}

export function checkedUsername(username: string): string {
  if (!usernameSchema.safeParse(username).success) throw new UsageError('--username: 3 to 64 letters, digits, _ . @ -');
  return username;
}

/** The password from --password or KEFU_PASSWORD, checked by the same rule as the API's. */
export function checkedPassword(ctx: CliContext, raw: string | undefined): string {
  const password = flagOrEnv(ctx, raw, '--password', 'KEFU_PASSWORD', true);
  const result = passwordSchema.safeParse(password);
  if (!result.success) throw new UsageError(`--password: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return password;
}
