// The browser project's time limit per test: jest takes testTimeout from the global config only, not per
// project, and a browser test drives a server, the emulator and Chromium on a possibly busy machine.
jest.setTimeout(90_000);
