// The rows of API tokens and login accounts as both SQL adapters store them (SQLite and PostgreSQL); the
// grant is kept in the columns of auth-grant-columns.ts.
import type { ApiToken, LoginAccount } from '../core/ports/auth';
import { grantFromColumns, type GrantColumns } from './auth-grant-columns';

export interface TokenRow extends GrantColumns {
  id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export const tokenFromRow = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  grant: grantFromColumns(r),
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  ...(r.last_used_at !== null && { lastUsedAt: r.last_used_at }),
  ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
});

export interface AccountRow extends GrantColumns {
  id: string;
  username: string;
  password_hash: string;
  created_at: number;
  password_changed_at: number;
}

export const accountFromRow = (r: AccountRow): LoginAccount => ({
  id: r.id,
  username: r.username,
  passwordHash: r.password_hash,
  grant: grantFromColumns(r),
  createdAt: r.created_at,
  passwordChangedAt: r.password_changed_at,
});
