// Placeholders in texts written once for every customer: [name] → the customer's nickname, [id] → the
// customer's number, {br} → a line break (the 微擎 module's syntax, kept for its users). The knowledge
// base's entries and the agents' quick replies are filled by this one function, at send time.

export interface Recipient {
  id: string;
  nickname?: string;
}

export function fillPlaceholders(text: string, who: Recipient): string {
  return text
    .replace(/\{br\}/gi, '\n')
    .replace(/\[name\]/gi, () => who.nickname ?? '')
    .replace(/\[id\]/gi, () => who.id);
}
