// What a password must be, wherever one is set (REST API, CLI, first admin); the contract's schemas use it.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
