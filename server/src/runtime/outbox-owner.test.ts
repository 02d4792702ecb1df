// Who may take over a claim at start: only a process on this host that is certainly gone.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { isDeadOwner, outboxOwnerId } from './outbox-owner';

describe('outbox claim owners', () => {
  const self = outboxOwnerId();

  it('names the host and the process', () => {
    expect(self.split('#').slice(0, 2)).toEqual([hostname(), String(process.pid)]);
    expect(outboxOwnerId()).not.toBe(self);
  });

  it('a process that exited is dead; this one and a running one are not', () => {
    const exited = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(isDeadOwner(`${hostname()}#${exited}#abcd1234`, self)).toBe(true);
    expect(isDeadOwner(self, self)).toBe(false);
    expect(isDeadOwner(`${hostname()}#${process.ppid}#abcd1234`, self)).toBe(false);
  });

  it('an earlier run under this very pid (a restarted container) is dead', () => {
    expect(isDeadOwner(`${hostname()}#${process.pid}#earlier1`, self)).toBe(true);
  });

  it('never judges another host, nor an id it cannot read (that process may be alive)', () => {
    expect(isDeadOwner(`another-host#1#abcd1234`, self)).toBe(false);
    expect(isDeadOwner('a-random-uuid', self)).toBe(false);
  });
});
