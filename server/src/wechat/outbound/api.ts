// WeChat API calls that need an access_token (passed as the `access_token` query parameter, as every
// cgi-bin endpoint expects). Each call goes through the broker, which retries once on a token error.
import type { BinaryResponse, Query, WeChatClient } from './client';
import type { AccessTokenBroker } from './token-broker';

export class WeChatApi {
  constructor(
    readonly client: WeChatClient,
    readonly broker: AccessTokenBroker,
  ) {}

  get appId(): string {
    return this.broker.appId;
  }

  getJson<T>(path: string, query: Query = {}): Promise<T> {
    return this.broker.withToken((token) => this.client.getJson<T>(path, { ...query, access_token: token }));
  }

  postJson<T>(path: string, body: unknown, query: Query = {}): Promise<T> {
    return this.broker.withToken((token) => this.client.postJson<T>(path, { ...query, access_token: token }, body));
  }

  postForm<T>(path: string, makeForm: () => FormData, query: Query = {}): Promise<T> {
    return this.broker.withToken((token) => this.client.postForm<T>(path, { ...query, access_token: token }, makeForm));
  }

  getBinary(path: string, query: Query = {}): Promise<BinaryResponse> {
    return this.broker.withToken((token) => this.client.getBinary(path, { ...query, access_token: token }));
  }
}
