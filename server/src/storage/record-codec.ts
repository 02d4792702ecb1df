// How records become rows and back. Queried fields live in real columns; the rest of a record is one
// JSON text column, so adding an optional field to a model needs no migration.
//
// The platform's own team (merchantId undefined) is stored as '' in NOT NULL merchant_id columns, never
// as NULL: `=` then matches exactly (NULL = NULL is not true in SQL, and NULLs are distinct in UNIQUE
// keys), the same index serves both cases, and PostgreSQL behaves the same. A merchant id is never ''.

export const PLATFORM = '';

export function merchantKey(merchantId: string | undefined): string {
  return merchantId ?? PLATFORM;
}

/** The merchantId property of a record read back: absent for the platform team. */
export function merchantOf(key: string): { merchantId?: string } {
  return key === PLATFORM ? {} : { merchantId: key };
}

/** The record without the fields kept in columns, as JSON. */
export function restAsJson<T extends object>(record: T, columns: readonly (keyof T)[]): string {
  // Copying the other keys instead of `delete`-ing the column keys from a copy: `delete` turns the copy
  // into a slow dictionary object, which made this the push path's costliest line after SQLite itself.
  const rest: Record<string, unknown> = {};
  for (const key in record) if (!columns.includes(key)) rest[key] = record[key];
  return JSON.stringify(rest);
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** `{ key: value }` when the column holds a value, `{}` for NULL: optional fields stay absent. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}
