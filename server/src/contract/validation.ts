// Request validation with zod: precise 400 messages naming where and what ("body.name: …"), never the
// value sent (it may be a secret). The first issue also travels as data (field, reason, the rule's
// figures) so that the console can say it in its user's language and name the field.
import type { z } from 'zod';
import { ApiError, type FailureDetails } from '../app/errors';

export type Part = 'params' | 'query' | 'body';

export function describeIssues(part: Part, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${[part, ...i.path.map(String)].join('.')}: ${i.message}`)
    .join('; ');
}

/** The rule's own figures, never what was sent: bounds, the expected type or format, the allowed values. */
function ruleParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const i = issue as unknown as Record<string, unknown>;
  for (const key of ['minimum', 'maximum', 'expected', 'format', 'origin'] as const) {
    const v = i[key];
    if (typeof v === 'number' || typeof v === 'string') out[key] = v;
    else if (typeof v === 'bigint') out[key] = Number(v);
  }
  if (Array.isArray(i.values)) out.values = i.values.map(String).join(', ');
  return out;
}

/** A schema's refinement names its reason with `params: { reason }`; otherwise the zod issue's kind. */
export function issueDetails(issue: z.core.$ZodIssue): FailureDetails {
  const custom = issue.code === 'custom' ? (issue.params as { reason?: unknown } | undefined)?.reason : undefined;
  const field = issue.path.map(String).join('.');
  return {
    ...(field && { field }),
    reason: typeof custom === 'string' ? custom : issue.code,
    params: ruleParams(issue),
  };
}

export function parsePart<S extends z.ZodType>(part: Part, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const [first] = result.error.issues;
    throw new ApiError(400, 'invalid_request', describeIssues(part, result.error.issues), first && issueDetails(first));
  }
  return result.data;
}
