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
  /** Pushes and URL checks whose timestamp is further than this from now are refused; absent: no window. */
  replayWindowSeconds?: number;
  /** The push settings before the last change, still accepted until `until` (the change's grace period). */
  previous?: PreviousPushSettings;
}

/** What WeChat may still use while the admin brings its console in line with ours; secrets, like the current ones. */
export interface PreviousPushSettings {
  token: string;
  encodingAesKey?: string;
  mode: PushMode;
  /** Epoch milliseconds: the end of the grace period. */
  until: number;
}

/** The secrets that sign (and, with a key, encrypt) one push. */
export interface PushSecrets {
  token: string;
  encodingAesKey?: string;
}

/** How long the previous push settings stay valid after a change, unless the channel says otherwise. */
export const DEFAULT_GRACE_SECONDS = 30 * 60;

/** The replay window a plaintext channel gets unless the admin sets another (encrypted channels: none). */
export const DEFAULT_PLAINTEXT_REPLAY_WINDOW_SECONDS = 300;

/** The previous settings while their grace period lasts, else undefined. */
export function previousInGrace(channel: ChannelConfig, nowMs: number): PreviousPushSettings | undefined {
  const previous = channel.previous;
  return previous !== undefined && nowMs < previous.until ? previous : undefined;
}

/** The secrets a push may be signed with: the current ones first, then the previous ones within grace. */
export function acceptedSecrets(channel: ChannelConfig, nowMs: number): PushSecrets[] {
  // The channel itself carries the current secrets: nothing is copied on the push path.
  const previous = previousInGrace(channel, nowMs);
  return previous === undefined ? [channel] : [channel, previous];
}

/**
 * Whether a plaintext push may be accepted: always on a plaintext channel; on an encrypted one only while
 * a switch from or to plaintext is in progress (the previous mode, within grace, was plaintext). Otherwise
 * it is a downgrade: `signature` does not cover the body.
 */
export function acceptsPlaintext(channel: ChannelConfig, nowMs: number): boolean {
  return channel.mode === 'plaintext' || previousInGrace(channel, nowMs)?.mode === 'plaintext';
}

/** Port: where channel settings come from (storage, config file, a test's map). */
export interface ChannelDirectory {
  find(id: string): Promise<ChannelConfig | undefined>;
  /**
   * Notes that WeChat verified the URL or pushed, for the channel page. Called on the push path, so it
   * must not wait and should write rarely (about once a minute per channel). Optional: a test's map need not.
   */
  noteActivity?(id: string, activity: ChannelActivity, atMs: number): void;
  /**
   * `seen`, a channel find() gave, was refused a push or a URL check (signature, mode, key): the channel as
   * stored now when it changed since find() read it (a change made by another process or node, not seen
   * yet), else undefined. Optional: a directory that reads the store each time has nothing newer.
   */
  changedSince?(seen: ChannelConfig): Promise<ChannelConfig | undefined>;
}

export type ChannelActivity = 'verified' | 'push';
