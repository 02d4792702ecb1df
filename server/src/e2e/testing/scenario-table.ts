// Reads docs/conversation-scenarios.md: each `## ` section is a scenario, its `- Given …` lines the setup,
// and the rows of its table (time | who | does | expected) the steps, expectations split at `;`.

export interface Step {
  /** hh:mm, or undefined to stay at the time of the previous step. */
  time?: string;
  who: string;
  does: string;
  expected: string[];
}

export interface Scenario {
  title: string;
  given: string[];
  steps: Step[];
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

export function parseScenarios(markdown: string): Scenario[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const [title = '', ...lines] = section.split('\n');
      const given = lines.flatMap((l) => (l.startsWith('- Given ') ? [l.slice('- Given '.length).trim()] : []));
      const rows = lines.filter((l) => l.startsWith('|')).slice(2); // after the header and its rule
      const steps = rows.map((row): Step => {
        const [time = '', who = '', does = '', expected = ''] = cells(row);
        return {
          ...(time !== '' && { time }),
          who,
          does,
          expected: expected
            .split(';')
            .map((c) => c.trim())
            .filter(Boolean),
        };
      });
      return { title: title.trim(), given, steps };
    });
}
