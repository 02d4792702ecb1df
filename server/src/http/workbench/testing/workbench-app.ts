// Test support (no tests here): the workbench routers on their own port, over a running stack's
// database and engine, with options the composed server does not expose (a fast heartbeat, a notice
// hub the test controls, the simulator on).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import type { Stack } from '../../../e2e/testing/stack';
import { NoticeHub } from '../../../runtime/notice-hub';
import { errorHandler } from '../../error-handler';
import { workbenchRouters, type WorkbenchDeps } from '../workbench-routers';

export interface WorkbenchApp {
  baseUrl: string;
  notices: NoticeHub;
  /** How many listeners the hub has now (streams open). */
  listeners(): number;
  close(): Promise<void>;
}

export async function startWorkbenchApp(stack: Stack, options: Partial<WorkbenchDeps> = {}): Promise<WorkbenchApp> {
  const notices = new NoticeHub();
  let listeners = 0;
  const counting = {
    subscribe: (l: Parameters<NoticeHub['subscribe']>[0]) => {
      listeners += 1;
      const off = notices.subscribe(l);
      return () => ((listeners -= 1), off());
    },
  };
  const clock = stack.server.engine.clock;
  const deps: WorkbenchDeps = { auth: stack.server.auth, clock, notices: counting, ...options };
  const app = express();
  for (const [path, router] of workbenchRouters(deps)) app.use(path, router);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    notices,
    listeners: () => listeners,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Logs in through the stack's API and answers the bearer token. */
export async function bearerLogin(stack: Stack, username: string, password: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await res.json()) as { token: string }).token;
}
