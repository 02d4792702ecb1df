// Which console screens a role sees. Supervisors watch over the work and change no settings: they see the
// screens of reports and exports only (the server refuses them every settings change all the same). A new
// screen a supervisor may use adds its address here.
import type { Principal } from '../api/types';

export const SUPERVISOR_SCREENS: readonly string[] = ['/', '/reports', '/exports'];

/** Whether `p` sees the screen at `href` ('/' the dashboard, '/agents', …; a screen's sub-pages go with it). */
export function seesScreen(p: Principal, href: string): boolean {
  if (p.role !== 'supervisor') return true;
  const top = `/${href.replace(/^\/+/, '').split('/')[0] ?? ''}`;
  return SUPERVISOR_SCREENS.includes(top);
}
