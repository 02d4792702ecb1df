// Every call to a token-issuing API, per account, kept apart from the bounded record so a 48-hour
// emulated run can count them: an authorized account's tokens must come from api_authorizer_token (one
// refresh per expiry) and never from cgi-bin/token or stable_token (Sobot's access-token conflict).

export const TOKEN_APIS = [
  'cgi-bin/token',
  'cgi-bin/stable_token',
  'cgi-bin/component/api_component_token',
  'cgi-bin/component/api_query_auth',
  'cgi-bin/component/api_authorizer_token',
] as const;

export interface TokenCall {
  at: number;
  api: string;
  /** The account the token is for: the app, the authorizer, or the platform's component AppID. */
  appId?: string;
  errcode: number;
}

export interface TokenCallFilter {
  appId?: string;
  api?: string;
  since?: number;
}

export class TokenCallLog {
  private readonly calls: TokenCall[] = [];

  /** Keeps `api` calls only when it issues tokens; bounded so a runaway caller cannot exhaust memory. */
  add(call: TokenCall): void {
    if (!(TOKEN_APIS as readonly string[]).includes(call.api)) return;
    this.calls.push(call);
    if (this.calls.length > 100_000) this.calls.shift();
  }

  list(filter: TokenCallFilter = {}): TokenCall[] {
    return this.calls.filter(
      (c) =>
        (filter.appId === undefined || c.appId === filter.appId) &&
        (filter.api === undefined || c.api === filter.api) &&
        (filter.since === undefined || c.at >= filter.since),
    );
  }

  /** Calls per API for the filter, every token API named (0 when never called). */
  counts(filter: TokenCallFilter = {}): Record<string, number> {
    const counts: Record<string, number> = Object.fromEntries(TOKEN_APIS.map((api) => [api, 0]));
    for (const c of this.list(filter)) counts[c.api] = (counts[c.api] ?? 0) + 1;
    return counts;
  }
}
