// PlatformStore in memory, for the story tests; behaves like the SQLite and PostgreSQL adapters (all three
// pass contract/platform-store-contract.ts). Records are copied in and out, as a database would.
import type { Authorization, PlatformSettings, VerifyTicket } from '../../core/open-platform';
import type { PlatformStore } from '../../core/ports/platform-store';

const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryPlatformStore implements PlatformStore {
  private current: PlatformSettings | undefined;
  private latestTicket: VerifyTicket | undefined;
  private readonly byAppId = new Map<string, Authorization>();

  async settings() {
    return this.current && copy(this.current);
  }
  async saveSettings(settings: PlatformSettings) {
    if (this.current?.componentAppId !== settings.componentAppId) this.latestTicket = undefined;
    this.current = copy(settings);
  }
  async ticket() {
    return this.latestTicket && copy(this.latestTicket);
  }
  async saveTicket(ticket: VerifyTicket) {
    if (this.current) this.latestTicket = copy(ticket);
  }
  async authorizations() {
    return [...this.byAppId.values()].sort((a, b) => (a.appId < b.appId ? -1 : 1)).map(copy);
  }
  async authorization(appId: string) {
    const found = this.byAppId.get(appId);
    return found && copy(found);
  }
  async authorizationOfChannel(channelId: string) {
    const found = [...this.byAppId.values()].find((a) => a.channelId === channelId);
    return found && copy(found);
  }
  async saveAuthorization(a: Authorization) {
    const other = [...this.byAppId.values()].find((x) => x.channelId === a.channelId && x.appId !== a.appId);
    if (other) throw new Error(`channel ${a.channelId} already belongs to authorizer ${other.appId}`);
    this.byAppId.set(a.appId, copy(a));
  }
}
