// Fills a settings text's placeholders ({position}, {minutes}, {agent}, {merchant}); unknown ones stay as written.

export function renderText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
