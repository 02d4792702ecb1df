// The stories that manage and read records, shared by the REST API, the command line and the channels
// file: one set of rules for each.
export type { AdminDeps } from './admin-deps';
export * from './accounts';
export * from './agents';
export * from './archive';
export * from './archived-filter';
export * from './calendars';
export * from './channels';
export * from './conversations';
export * from './customers';
export * from './groups';
export * from './merchants';
export * from './reach';
export * from './reports';
export * from './settings';
export * from './tokens';
export * from './customer-history';
export * from './message-media';
export * from './transcript';
export * from './audit-log';
