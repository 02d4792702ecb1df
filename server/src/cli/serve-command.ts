// `kefu serve`: runs the server (build/server.cjs beside this bundle) in the foreground with the same
// environment. A child process for now, because main.ts starts itself on import and exports nothing;
// once main.ts exports a start function, this should call it in-process instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SERVE_HELP = `kefu serve

Starts the kefu server in the foreground (Ctrl-C stops it). Configuration comes from the environment:
PORT, HOST, DATA_DIR, WECHAT_API_BASE_URL, LOG_LEVEL, … (see the README).`;

export function serveCommand(argv: string[], print: (line: string) => void, serverFile = join(__dirname, 'server.cjs')): Promise<number> {
  if (argv.includes('--help')) {
    print(SERVE_HELP);
    return Promise.resolve(0);
  }
  if (!existsSync(serverFile)) {
    print(`cannot find the server bundle ${serverFile}; build it with npm run build`);
    return Promise.resolve(1);
  }
  const child = spawn(process.execPath, [serverFile], { stdio: 'inherit', env: process.env });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}
