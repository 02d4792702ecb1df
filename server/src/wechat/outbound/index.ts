// Public entry of the outbound WeChat adapter: the API client, the token broker, sends, typing, media, login.
export { WeChatClient, WECHAT_API_BASE_URL, type WeChatClientOptions, type BinaryResponse, type Query } from './client';
export { WeChatApiError, WeChatTransportError, errorKindOf, isWeChatErrorKind, type WeChatErrorKind } from './errors';
export { defaultRetryPolicy, type RetryPolicy } from './retry';
export { AccessTokenBroker, type TokenBrokerOptions } from './token-broker';
export { fetchAccessToken, type AppCredentials, type FetchedToken } from './token-endpoints';
export { WeChatApi } from './api';
export { miniProgramMessages, type MiniProgramMessage } from './miniprogram-messages';
export {
  officialAccountMessages,
  type OfficialAccountMessage,
  type OfficialAccountMessageType,
  type SendOptions,
  type NewsArticle,
} from './official-account-messages';
export { sendCustomMessage, CUSTOM_SEND_PATH, type CustomMessage } from './send';
export { setTyping, TYPING_PATH, type TypingCommand } from './typing';
export { uploadTempMedia, downloadTempMedia, type MediaType, type MediaFile, type UploadedMedia } from './media';
export { jscode2session, type CodeSession } from './jscode2session';
export { checkCredentials, explainCredentialError, type CredentialCheck } from './credentials-check';
