import {
  acceptSend,
  applyWeChatRefusal,
  consumeSend,
  grantWindow,
  returnSend,
  sendsKeptFromNotices,
  UNLIMITED_SENDS,
  windowStatus,
  windowStillOpen,
  type SendWindow,
} from './send-window';

const MIN = 60_000;
const H = 60 * MIN;
const t0 = 1_000_000_000_000;

function sendAll(window: SendWindow | undefined, now: number): { sent: number; refusal?: string } {
  let sent = 0;
  for (;;) {
    const r = consumeSend(window, now);
    if ('refusal' in r) return { sent, refusal: r.refusal.reason };
    window = r.window;
    sent += 1;
  }
}

describe('mini program window', () => {
  it('a user message allows 5 sends within 48 hours', () => {
    const w = grantWindow('miniprogram', 'message', undefined, t0);
    expect(w).toEqual({ remaining: 5, expiresAt: t0 + 48 * H });
    expect(sendAll(w, t0 + 47 * H)).toEqual({ sent: 5, refusal: 'quota_used_up' });
    expect(sendAll(w, t0 + 48 * H)).toEqual({ sent: 0, refusal: 'window_closed' });
  });

  it('entering the session allows 2 sends within 1 minute', () => {
    const w = grantWindow('miniprogram', 'enter_session', undefined, t0);
    expect(w).toEqual({ remaining: 2, expiresAt: t0 + MIN });
    expect(sendAll(w, t0 + 59_999)).toEqual({ sent: 2, refusal: 'quota_used_up' });
    expect(sendAll(w, t0 + MIN)).toEqual({ sent: 0, refusal: 'window_closed' });
  });

  it('a new action resets to the larger count and the later deadline, never adding up', () => {
    const afterMessage = grantWindow('miniprogram', 'message', undefined, t0)!;
    const used = { ...afterMessage, remaining: 1 };
    expect(grantWindow('miniprogram', 'enter_session', used, t0 + H)).toEqual({ remaining: 2, expiresAt: t0 + 48 * H });
    expect(grantWindow('miniprogram', 'enter_session', afterMessage, t0 + H)).toEqual({ remaining: 5, expiresAt: t0 + 48 * H });
    expect(grantWindow('miniprogram', 'message', used, t0 + H)).toEqual({ remaining: 5, expiresAt: t0 + 49 * H });
  });

  it('an expired window does not lend its count to the next one', () => {
    const old = { remaining: 5, expiresAt: t0 };
    expect(grantWindow('miniprogram', 'enter_session', old, t0 + 1)).toEqual({ remaining: 2, expiresAt: t0 + 1 + MIN });
  });

  it('official-account-only actions grant nothing on a mini program', () => {
    expect(grantWindow('miniprogram', 'menu_click', undefined, t0)).toBeUndefined();
  });
});

describe('official account window', () => {
  it('a user message allows 5 within 48 hours', () => {
    expect(grantWindow('official_account', 'message', undefined, t0)).toEqual({ remaining: 5, expiresAt: t0 + 48 * H });
  });

  it.each(['menu_click', 'subscribe', 'scan'] as const)('%s allows 3 within 1 minute', (action) => {
    const w = grantWindow('official_account', action, undefined, t0);
    expect(w).toEqual({ remaining: 3, expiresAt: t0 + MIN });
    expect(sendAll(w, t0 + 1000)).toEqual({ sent: 3, refusal: 'quota_used_up' });
  });

  it('entering a mini-program session grants nothing on an official account', () => {
    expect(grantWindow('official_account', 'enter_session', undefined, t0)).toBeUndefined();
  });

  it('a payment allows unlimited sends within 48 hours', () => {
    const w = grantWindow('official_account', 'payment', undefined, t0)!;
    expect(w.remaining).toBe(UNLIMITED_SENDS);
    expect(sendAll({ ...w, remaining: 1000 }, t0).sent).toBe(1000);
  });
});

describe('refusals and status', () => {
  it('tells the agent why and which WeChat error it avoided', () => {
    const r = consumeSend(undefined, t0);
    expect('refusal' in r && r.refusal).toMatchObject({ reason: 'window_closed', wechatCode: 45015 });
    const used = consumeSend({ remaining: 0, expiresAt: t0 + H }, t0);
    expect('refusal' in used && used.refusal).toMatchObject({ reason: 'quota_used_up', wechatCode: 45047 });
  });

  it('shows what is left before sending', () => {
    expect(windowStatus({ remaining: 3, expiresAt: t0 + H }, t0)).toEqual({ open: true, remaining: 3, expiresAt: t0 + H });
    expect(windowStatus({ remaining: 3, expiresAt: t0 + H }, t0 + H)).toMatchObject({ open: false, reason: 'window_closed' });
    expect(windowStatus(undefined, t0)).toMatchObject({ open: false, reason: 'window_closed' });
  });

  it('courtesy sends keep the reserved sends for agents', () => {
    expect('window' in consumeSend({ remaining: 3, expiresAt: t0 + H }, t0, 2)).toBe(true);
    expect('refusal' in consumeSend({ remaining: 2, expiresAt: t0 + H }, t0, 2)).toBe(true);
  });

  it('believes WeChat over its own count and gives back slots of sends that never reached it', () => {
    const w = { remaining: 3, expiresAt: t0 + H };
    expect(windowStatus(applyWeChatRefusal(w, 45015, t0), t0)).toMatchObject({ open: false, reason: 'window_closed' });
    expect(windowStatus(applyWeChatRefusal(w, 45047, t0), t0)).toMatchObject({ open: false, reason: 'quota_used_up' });
    expect(returnSend(w, t0)).toEqual({ remaining: 4, expiresAt: t0 + H });
    expect(returnSend(w, t0 + H)).toEqual(w);
  });
});

describe('the sends notices leave for agents', () => {
  it('the whole reserve in a message’s window; one send in the minute entering the chat grants', () => {
    const afterMessage = grantWindow('miniprogram', 'message', undefined, t0);
    const afterEntering = grantWindow('miniprogram', 'enter_session', undefined, t0);
    expect(sendsKeptFromNotices(afterMessage, t0, 2)).toBe(2);
    expect(sendsKeptFromNotices(afterEntering, t0, 2)).toBe(1);
    expect(sendsKeptFromNotices(afterEntering, t0, 0)).toBe(0);
    expect(consumeSend(afterEntering, t0, sendsKeptFromNotices(afterEntering, t0, 2))).toEqual({
      window: { remaining: 1, expiresAt: t0 + MIN, pending: 1 },
    });
    const lastOne = { remaining: 1, expiresAt: t0 + MIN };
    expect(consumeSend(lastOne, t0, sendsKeptFromNotices(lastOne, t0, 2))).toMatchObject({ refusal: { reason: 'quota_used_up' } });
  });
});

describe('the count follows what WeChat accepted', () => {
  const queuedOne = (): SendWindow => {
    const r = consumeSend(grantWindow('miniprogram', 'message', undefined, t0), t0);
    if (!('window' in r)) throw new Error('refused');
    return r.window;
  };

  it('a queued send holds its slot until WeChat accepts it, then spends it once', () => {
    const w = queuedOne();
    expect(w).toEqual({ remaining: 4, expiresAt: t0 + 48 * H, pending: 1 });
    expect(acceptSend(w)).toEqual({ remaining: 4, expiresAt: t0 + 48 * H });
    expect(returnSend(w, t0)).toEqual({ remaining: 5, expiresAt: t0 + 48 * H });
    expect(applyWeChatRefusal(w, 45047, t0)).toEqual({ remaining: 0, expiresAt: t0 + 48 * H });
  });

  it('a customer writing again while a send is queued leaves WeChat’s count, not one more', () => {
    // WeChat resets its count to 5 on the new message, then spends one on the queued send: 4 left.
    const renewed = grantWindow('miniprogram', 'message', queuedOne(), t0 + H);
    expect(renewed).toEqual({ remaining: 4, expiresAt: t0 + 49 * H, pending: 1 });
    expect(windowStatus(acceptSend(renewed), t0 + H)).toMatchObject({ open: true, remaining: 4 });
  });
});

describe('unsubscribe (official accounts)', () => {
  it('closes the window at once; a new subscribe opens a fresh one', () => {
    const open = grantWindow('official_account', 'message', undefined, t0);
    const closed = grantWindow('official_account', 'unsubscribe', open, t0 + MIN);
    expect(windowStatus(closed, t0 + MIN)).toMatchObject({ open: false, reason: 'window_closed', remaining: 0 });
    expect(windowStillOpen(closed, t0 + MIN)).toBe(false);
    expect(consumeSend(closed, t0 + MIN)).toMatchObject({ refusal: { reason: 'window_closed' } });
    expect(returnSend({ ...closed!, pending: 1 }, t0 + MIN)).toMatchObject({ remaining: 0 });
    const again = grantWindow('official_account', 'subscribe', closed, t0 + 2 * MIN);
    expect(again).toEqual({ remaining: 3, expiresAt: t0 + 3 * MIN });
    expect(windowStillOpen(again, t0 + 2 * MIN)).toBe(true);
  });
});
