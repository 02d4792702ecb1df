// The open platform's stories (第三方平台): its settings, authorizing by scanning, its events, the authorizations.
export { PLATFORM_PATHS, type PlatformDeps } from './platform-deps';
export * from './platform-settings';
export * from './authorize';
export * from './authorization-view';
export * from './platform-events';
export * from './authorizations';
