// The frame of every browser test file: one Chromium for the file, a fresh stack (server, SQLite file,
// emulator) for each test. Read `suite.browser` and `suite.stack` inside tests, once the hooks have run.
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startWebStack, type Stack } from './web-stack';

export interface Suite {
  readonly browser: Browser;
  readonly stack: Stack;
}

export function browserSuite(): Suite {
  let browser: Browser | undefined;
  let stack: Stack | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    stack = await startWebStack();
  });
  afterEach(() => stack?.close());
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'the browser');
    },
    get stack() {
      return ready(stack, 'the stack');
    },
  };
}
