// Which records a list shows by their archive time: the default lists hide archived ones
// (`?archived=include` shows every record, `?archived=only` only the archived).
export type ArchivedFilter = 'exclude' | 'include' | 'only';

export const ARCHIVED_FILTERS: readonly ArchivedFilter[] = ['exclude', 'include', 'only'];

export function byArchive<T extends { archivedAt?: number | null | undefined }>(list: T[], filter: ArchivedFilter = 'exclude'): T[] {
  if (filter === 'include') return list;
  const archived = (r: T) => r.archivedAt !== undefined && r.archivedAt !== null;
  return list.filter((r) => (filter === 'only' ? archived(r) : !archived(r)));
}
