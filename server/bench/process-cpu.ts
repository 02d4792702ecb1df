// CPU time of this machine's processes by role, read from /proc (Linux): where a benchmark's CPU went
// when the server, the load and a browser share the machine. Chromium's processes are told apart by
// their --type= switch (renderer, gpu-process, utility = the network service, none = the browser).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export type CpuByRole = Map<string, number>;

function roleOf(cmdline: string[]): string | undefined {
  const exe = cmdline[0] ?? '';
  if (exe.includes('chromium')) {
    // Chromium's children rewrite their command line into one string: read the switches from all of it.
    const all = cmdline.join(' ');
    const type = /--type=(\S+)/.exec(all)?.[1];
    const sub = /--utility-sub-type=(\S+)/.exec(all)?.[1];
    return `chromium ${type === undefined ? 'browser' : type === 'utility' && sub ? `utility (${sub})` : type}`;
  }
  if (exe.endsWith('node')) {
    const script = cmdline.find((a) => a.endsWith('.cjs') || a.endsWith('.js'));
    const flag = cmdline.find((a) => a.startsWith('--') && !a.startsWith('--cpu-prof'));
    return `node ${script?.split('/').pop() ?? ''}${flag ? ` ${flag}` : ''}`;
  }
  return undefined;
}

/** Milliseconds of CPU (user + system) each role has used so far, summed over its processes. */
export function cpuByRole(): CpuByRole {
  const out: CpuByRole = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const role = roleOf(cmdline);
      if (role === undefined) continue;
      out.set(role, (out.get(role) ?? 0) + processCpuMs(Number(pid)));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** The CPU each role used between two readings, per message, largest first (processes that ended are lost). */
export function cpuPerMessage(before: CpuByRole, after: CpuByRole, messages: number): Array<[string, number]> {
  return [...after]
    .map(([role, ms]): [string, number] => [role, (ms - (before.get(role) ?? 0)) / Math.max(1, messages)])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
}

/** The machine's CPU time so far and how much of it the hypervisor gave to other guests (steal), in ticks. */
export interface HostTicks {
  total: number;
  steal: number;
}

export function hostTicks(): HostTicks {
  // /proc/stat's first line: cpu user nice system idle iowait irq softirq steal …
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1, 9).map(Number) ?? [];
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

/**
 * The share of CPU time stolen by the hypervisor between two readings. A run with much steal measured
 * a machine that was not all ours: its numbers say more about the host than about the code.
 */
export function stealPercent(before: HostTicks, after: HostTicks): number {
  const total = after.total - before.total;
  return total > 0 ? (100 * (after.steal - before.steal)) / total : 0;
}

/** Milliseconds of CPU (user + system, every thread) one process has used so far. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
