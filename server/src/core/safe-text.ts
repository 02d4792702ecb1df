// Characters that have no place in a name: C0 and C1 control characters (NUL included; a name needs no
// tab or line break either) and the invisible bidirectional controls (embeddings and overrides
// U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C). A right-to-left override
// in a nickname makes "txt.exe" read as "exe.txt" in the workbench, a NUL cuts a name short in C-based
// tools and logs. Names customers send are cleaned (they cannot be asked to retype them); names an admin
// types are refused with a clear message. One rule for both, here.

const UNSAFE_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The name without control and bidirectional-control characters (e.g. a customer's nickname). */
export function withoutUnsafeCharacters(name: string): string {
  return name.replace(UNSAFE_IN_NAMES, '');
}

/** True when the text holds a character withoutUnsafeCharacters would remove. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_IN_NAMES.lastIndex = 0;
  const found = UNSAFE_IN_NAMES.test(text);
  UNSAFE_IN_NAMES.lastIndex = 0;
  return found;
}

/** What an admin is told when a name is refused. */
export const UNSAFE_NAME_MESSAGE =
  'must not contain control characters (such as NUL or line breaks) or bidirectional controls (such as U+202E)';
