// Does a customer message ask for a person? Only when the whole message is a keyword, after normalising
// (full-width to half-width, case, spaces and punctuation at the ends): "转人工！" does, while
// "转人工就不用了", "我要转人工" or "人工智能是什么" do not (a team that wants those lists them as keywords).

const EDGE_PUNCTUATION = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/** Full-width to half-width, lower case, trimmed of spaces and punctuation at both ends. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EDGE_PUNCTUATION, '').replace(/\s+/g, ' ');
}

/** The whole message, trimmed, is one of the keywords: a keyword inside a sentence ("转人工就不用了") is not. */
export function asksForPerson(text: string, keywords: readonly string[]): boolean {
  const message = normalise(text);
  if (message === '') return false;
  return keywords.some((raw) => normalise(raw) === message);
}
