// A WeChat channel: one mini program or official account whose pushes reach us at /wechat/:channelId.
// The values mirror the console's 消息推送配置 (URL, Token, EncodingAESKey, 加解密方式, 数据格式).

export type ChannelKind = 'miniprogram' | 'official_account';

/** 明文 / 兼容 / 安全 in the console. */
export type PushMode = 'plaintext' | 'compatible' | 'secure';

/** 数据格式: official accounts only push XML; mini programs can choose JSON. */
export type PushFormat = 'xml' | 'json';

export interface ChannelConfig {
  id: string;
  kind: ChannelKind;
  /** The AppID; in encrypted modes it must equal the receiveId inside every decrypted message. */
  appId: string;
  /** The original ID (`gh_…`), the ToUserName of every push and the FromUserName of every reply. */
  originalId: string;
  /** The push Token configured in the console; a secret. */
  token: string;
  /** 43 characters of base64; required for compatible and secure mode; a secret. */
  encodingAesKey?: string;
  mode: PushMode;
  format: PushFormat;
}

/** Port: where channel settings come from (storage, config file, a test's map). */
export interface ChannelDirectory {
  find(id: string): Promise<ChannelConfig | undefined>;
}
