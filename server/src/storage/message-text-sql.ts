// The searchable words of a message row in SQL, the same fields as core/desk/message-text.ts reads:
// `field(path)` reads one string out of the row's JSON `data` column in the database's dialect.
type Field = (path: string) => string;

export function messageTextSql(field: Field): string {
  return `CASE ${field('type')}
    WHEN 'text' THEN ${field('text')}
    WHEN 'voice' THEN ${field('recognition')}
    WHEN 'link' THEN ${field('title')} || ' ' || ${field('description')}
    WHEN 'miniprogrampage' THEN ${field('title')}
    WHEN 'file' THEN ${field('title')}
    WHEN 'location' THEN ${field('label')}
  END`;
}

/** SQLite: the content's field of the `data` JSON of `row` (e.g. `new`). */
export const sqliteMessageText = (row: string): string => messageTextSql((p) => `json_extract(${row}.data, '$.content.${p}')`);

/** LIKE's wildcards in a user's words taken literally (ESCAPE '\'). */
export const likePattern = (words: string): string => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
