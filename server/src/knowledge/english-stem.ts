// A light English stemmer: enough that refunds = refund, shipped/shipping = ship, returning = return.
// Both the entries and the questions go through it, so a stem need not be a real word (charge → charg).
const DOUBLE = /([bdfgklmnprt])\1$/;

export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return DOUBLE.test(w) ? w.slice(0, -1) : w;
}

export const ENGLISH_STOP = new Set(
  'a an the is are was were am be been do does did i you he she they my your our me us it its and or but please with we to of for in on at by can could would will shall should how what when where which who why this that these there here have has had hi hello hey thanks thank so just any some about from as if then than also get got want need like know tell let'.split(
    ' ',
  ),
);

/**
 * Contractions typed without their apostrophe, as people type in chat (dont, isnt, whats, im): the negative
 * ones are "not", the others the stop words they are made of (nothing).
 */
export const CONTRACTED: ReadonlyMap<string, string> = new Map([
  ...'dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt cant couldnt wouldnt shouldnt wont aint'
    .split(' ')
    .map((w): [string, string] => [w, 'not']),
  ...'im ive youre youve theyre whats wheres hows thats theres heres whos lets'.split(' ').map((w): [string, string] => [w, '']),
]);
