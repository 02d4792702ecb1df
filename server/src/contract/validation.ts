// Request validation with zod: precise 400 messages naming where and what ("body.name: …"), never the
// value sent (it may be a secret).
import type { z } from 'zod';
import { badRequest } from '../app/errors';

export type Part = 'params' | 'query' | 'body';

export function describeIssues(part: Part, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${[part, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

export function parsePart<S extends z.ZodType>(part: Part, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw badRequest(describeIssues(part, result.error.issues));
  return result.data;
}
