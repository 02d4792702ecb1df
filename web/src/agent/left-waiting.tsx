// The left messages' (留言) place in the inbox: the list it opens on (the dashboard links to the left
// messages with `?list=left`), and the notice an agent gets on coming online: how many wait.
import { useT } from '../i18n/i18n';
import type { ListKey } from './use-inbox';
import { workMessages } from './work-messages';

/** The list to open on: `?list=left` (the dashboard's link to the left messages), else mine (agents) or the queue (admins). */
export function initialTab(admin: boolean): ListKey {
  const asked = new URLSearchParams(window.location.search).get('list');
  return asked === 'left' ? 'left' : admin ? 'queued' : 'mine';
}

/** Told on coming online: how many left messages wait, with a way to them. */
export function LeftWaitingNotice({ count, onOpen, onDismiss }: { count: number; onOpen(): void; onDismiss(): void }) {
  const tw = useT(workMessages);
  return (
    <div className="inbox-left-notice row" role="status" data-testid="left-waiting-notice">
      <span>{tw('left_waiting', { n: count })}</span>
      <button type="button" className="link" onClick={onOpen}>
        {tw('left_waiting_open')}
      </button>
      <button type="button" className="link" onClick={onDismiss}>
        {tw('dismiss')}
      </button>
    </div>
  );
}
