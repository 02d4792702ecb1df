// The quick reply stories (快捷回复), for the REST API, the command line and the workbench.
export type { QuickReplyDeps } from './quick-reply-deps';
export type { QuickReplyScope } from './quick-reply-access';
export * from './manage-quick-replies';
export * from './conversation-quick-replies';
