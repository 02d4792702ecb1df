// Dispatch of `kefu GROUP ACTION [options]`, with --help at every level and option parsing by
// node:util parseArgs (unknown options are usage errors: exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliContext } from './cli-context';
import { UsageError } from './send-command';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Action<O extends Options = Options> {
  help: string;
  options: O;
  run(values: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number>;
}

export interface Group {
  help: string;
  actions: Record<string, Action>;
}

export function parse(argv: string[], options: Options): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false })
      .values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export async function runGroup(group: Group, argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    ctx.print(group.help);
    return name === undefined ? 2 : 0;
  }
  const action = group.actions[name];
  if (!action) throw new UsageError(`unknown action "${name}"\n\n${group.help}`);
  if (rest.includes('--help')) {
    ctx.print(action.help);
    return 0;
  }
  return action.run(parse(rest, action.options), ctx);
}

export const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

export function required(values: Record<string, string | boolean | undefined>, name: string, help: string): string {
  const v = str(values[name]);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required\n\n${help}`);
  return v;
}
