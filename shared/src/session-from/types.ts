// The Sobot-compatible session-from string and its parts.
// Format (Sobot "WeChat Mini Program" docking guide, ../shared/seeds/004):
//   sobot|<nickname>|<avatarUrl>|<params JSON>|transfer_action=<JSON array>|platform_action=<JSON>|
//   partnerid=<id>|robotid=<id>|unionid=<cipher>|customer_fields=<JSON>
// WeChat passes it through verbatim, at most 1000 UTF-8 bytes (wx.openCustomerServiceConversation doc).

export type TransferActionType = 'to_group' | 'to_service';

/** One level of Sobot's transfer_action: route to a skill group or an agent, with an overflow rule. */
export interface TransferAction {
  actionType: TransferActionType;
  /** Skill group id (to_group) or agent id (to_service). */
  deciId: string;
  /** Overflow flag: to_service 1 overflow / 2 not; to_group 3 overflow / 4 not. */
  optionId: '1' | '2' | '3' | '4';
  /** Overflow condition, only when overflowing: to_service 1 offline / 2 busy / 3 smart; to_group 4 nobody online / 5 all busy / 6 off duty / 7 smart. */
  spillId?: '1' | '2' | '3' | '4' | '5' | '6' | '7';
}

/** Sobot's platform_action: which merchant (and optionally which of its groups) a platform mini program routes to. */
export interface PlatformAction {
  customerCode: string;
  flowGroupId?: string;
}

/** What the encoder accepts. Numbers are accepted where Sobot's examples use them and become strings. */
export interface SessionFromInput {
  nickname?: string;
  avatarUrl?: string;
  params?: Record<string, string | number | boolean>;
  transferAction?: ReadonlyArray<{
    actionType: TransferActionType;
    deciId: string | number;
    optionId: string | number;
    spillId?: string | number;
  }>;
  platformAction?: { customerCode: string; flowGroupId?: string | number };
  partnerId?: string;
  robotId?: string | number;
  /** A UnionID already encrypted with the channel's UnionID key (Base64). */
  unionId?: string;
  /** A plain UnionID to encrypt here with `unionIdKey`; prefer the server-issued `unionId`. */
  plainUnionId?: string;
  unionIdKey?: string;
  customerFields?: Record<string, string | number | boolean>;
}

/** The structured content of a session-from, as decoded (and as the encoder normalised it). */
export interface SessionFromFields {
  nickname?: string;
  avatarUrl?: string;
  params?: Record<string, string>;
  transferAction?: TransferAction[];
  platformAction?: PlatformAction;
  partnerId?: string;
  robotId?: string;
  /** Encrypted UnionID (Base64), as carried in the string. */
  unionId?: string;
  customerFields?: Record<string, string>;
  /** Keyed fields this version does not know, kept verbatim (unescaped). */
  extra?: Record<string, string>;
}

/** One thing the encoder removed to stay within WeChat's 1000-byte limit. */
export type SessionFromDrop =
  | { field: 'avatarUrl'; action: 'dropped' }
  | { field: 'params' | 'customerFields'; key: string; action: 'dropped' }
  | { field: 'nickname'; action: 'shortened'; fromChars: number; toChars: number }
  | { field: 'nickname'; action: 'dropped' };

export interface EncodedSessionFrom {
  /** The string for `session-from` / `sessionFrom`. */
  value: string;
  /** Its length in UTF-8 bytes: at most 996, below WeChat's 1000, so that a cut copy is recognisable. */
  bytes: number;
  /** The fields exactly as encoded (after normalisation and any drops). */
  fields: SessionFromFields;
  /** What was dropped or shortened to fit, in the order it happened; empty when everything fitted. */
  dropped: SessionFromDrop[];
}

/** A field of a received string that could not be used, and why. */
export interface SessionFromProblem {
  field: string;
  reason: string;
}

export type DecodedSessionFrom =
  | {
      /** No usable context: empty, or a foreign value such as `wxapp` (WeChat sends that). */
      kind: 'none';
      reason: 'empty' | 'foreign';
      raw: string;
    }
  | {
      kind: 'sobot';
      fields: SessionFromFields;
      /**
       * The value reached WeChat's limit and may have been cut there (our encoder never writes one so long).
       * The fields returned are intact; `lost` names a last field that was cut and is left out.
       */
      truncated: boolean;
      lost: string[];
      problems: SessionFromProblem[];
      raw: string;
    };
