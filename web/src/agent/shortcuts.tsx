// The inbox's keyboard shortcuts: one listener on the window (mounted by the agent page) turns keys into
// actions, and the parts that act subscribe to theirs (useShortcut): the page moves between
// conversations, the chat transfers and ends, the composer opens quick replies. The help panel lists
// them all; Enter / Shift+Enter stay the composer's own.
import { Fragment, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';
import { Modal } from './modal';

export type ShortcutAction = 'next' | 'previous' | 'quick' | 'transfer' | 'end' | 'help';

const EVENT = 'kefu-shortcut';

const isEditable = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** The action a key press stands for, or undefined (layout-independent: letters by their key code). */
export function shortcutOf(e: KeyboardEvent): ShortcutAction | undefined {
  if (e.isComposing) return undefined;
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === 'ArrowDown') return 'next';
    if (e.key === 'ArrowUp') return 'previous';
    if (e.code === 'KeyQ') return 'quick';
    if (e.code === 'KeyT') return 'transfer';
    if (e.code === 'KeyE') return 'end';
  }
  if ((e.ctrlKey || e.metaKey) && (e.code === 'Slash' || e.key === '/')) return 'help';
  if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target)) return 'help';
  return undefined;
}

/** Installs the window's listener; the agent page mounts it once. */
export function useShortcutListener(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e);
      if (!action) return;
      e.preventDefault();
      window.dispatchEvent(new CustomEvent<ShortcutAction>(EVENT, { detail: action }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Runs `handler` on `action` (the latest handler: no stale state). */
export function useShortcut(action: ShortcutAction, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const on = (e: Event) => (e as CustomEvent<ShortcutAction>).detail === action && latest.current();
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, [action]);
}

const ROWS: Array<[string, keyof (typeof deskMessages)['zh']]> = [
  ['Enter', 'key_send'],
  ['Shift + Enter', 'key_newline'],
  ['Alt + ↓', 'key_next'],
  ['Alt + ↑', 'key_previous'],
  ['Alt + Q', 'key_quick'],
  ['Alt + T', 'key_transfer'],
  ['Alt + E', 'key_end'],
  ['Ctrl + /  ·  ?', 'key_help'],
  ['Esc', 'key_close'],
];

/** The help panel, opened by Ctrl+/ or ? (and the page's ⌨ button). */
export function ShortcutHelp() {
  const t = useT(deskMessages);
  const [open, setOpen] = useState(false);
  useShortcut('help', () => setOpen((o) => !o));
  return (
    <>
      <button type="button" className="link" data-testid="shortcuts-button" title={t('shortcuts')} onClick={() => setOpen(true)}>
        ⌨ {t('shortcuts')}
      </button>
      {open && (
        <Modal title={t('shortcuts')} onClose={() => setOpen(false)}>
          <dl className="inbox-shortcuts" data-testid="shortcuts-help">
            {ROWS.map(([keys, label]) => (
              <Fragment key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{t(label)}</dd>
              </Fragment>
            ))}
          </dl>
        </Modal>
      )}
    </>
  );
}

/** Alt+↓ / Alt+↑: the next or previous conversation of the list on screen (the first when none is open). */
export function useConversationKeys(ids: readonly string[], openId: string | undefined, open: (id: string) => void): void {
  const move = (step: number) => {
    if (ids.length === 0) return;
    const at = openId === undefined ? -1 : ids.indexOf(openId);
    const next = at === -1 ? (step > 0 ? 0 : ids.length - 1) : Math.min(Math.max(at + step, 0), ids.length - 1);
    const id = ids[next];
    if (id !== undefined && id !== openId) open(id);
  };
  useShortcut('next', () => move(1));
  useShortcut('previous', () => move(-1));
}
