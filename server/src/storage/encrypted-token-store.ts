// Access tokens sealed at rest: a TokenStore decorator. An access_token lets anyone send as the
// account for up to 2 hours, and the database file travels in backups, so it is sealed like the other
// secrets (bound to its AppID and source). A token stored in clear by an older build cannot be opened
// and reads as absent: the broker fetches a fresh one, once.
import type { StoredToken, TokenKind, TokenStore } from '../core/ports/token-store';
import { SecretOpenError, type SecretBox } from './secret-box';

const place = (appId: string, source: TokenKind) => `access_token ${appId} ${source}`;

export class EncryptedTokenStore implements TokenStore {
  readonly underRefreshLock?: TokenStore['underRefreshLock'];

  constructor(
    private readonly inner: TokenStore,
    private readonly box: SecretBox,
  ) {
    if (inner.underRefreshLock) this.underRefreshLock = inner.underRefreshLock.bind(inner);
  }

  async load(appId: string, source: TokenKind): Promise<StoredToken | undefined> {
    const stored = await this.inner.load(appId, source);
    if (!stored) return undefined;
    const token = this.open(stored);
    return token === undefined ? undefined : { ...stored, token };
  }

  async save(t: StoredToken): Promise<void> {
    await this.inner.save({ ...t, token: this.box.seal(t.token, place(t.appId, t.source)) });
  }

  /** Sealing is randomised, so find the sealed form of `token` first; a newer token saved meanwhile survives. */
  async discard(appId: string, source: TokenKind, token: string): Promise<void> {
    const stored = await this.inner.load(appId, source);
    if (!stored) return;
    const current = this.open(stored);
    if (current === token || current === undefined) await this.inner.discard(appId, source, stored.token);
  }

  /** undefined for a value this key cannot open (clear text from an older build, or another key). */
  private open(stored: StoredToken): string | undefined {
    try {
      return this.box.open(stored.token, place(stored.appId, stored.source));
    } catch (error) {
      if (error instanceof SecretOpenError) return undefined;
      throw error;
    }
  }
}
