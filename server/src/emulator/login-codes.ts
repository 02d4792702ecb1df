// Codes that wx.login would give a user (miniprogram/dev/api/open-api/login/wx.login.html): valid
// 5 minutes, usable once (40163 after), anything else is 40029.
import { EmulatorApiError } from './errors';
import { randomId, type RandomBytes } from './random';

export const LOGIN_CODE_LIFETIME_MS = 5 * 60_000;

interface IssuedCode {
  appId: string;
  openId: string;
  expiresAt: number;
  used: boolean;
}

export class LoginCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly random: RandomBytes) {}

  issue(appId: string, openId: string, now: number): string {
    for (const [c, v] of this.codes) if (now >= v.expiresAt) this.codes.delete(c);
    const code = randomId(this.random, 24);
    this.codes.set(code, { appId, openId, expiresAt: now + LOGIN_CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** The openid behind a code of `appId`, consuming the code. */
  redeem(appId: string, code: string, now: number): string {
    const c = this.codes.get(code);
    if (!c || c.appId !== appId || now >= c.expiresAt) throw new EmulatorApiError(40029);
    if (c.used) throw new EmulatorApiError(40163);
    c.used = true;
    return c.openId;
  }
}
