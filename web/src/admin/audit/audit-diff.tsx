// One entry's before and after, field by field: nested values are flattened to paths (settings.maxQueueLength),
// changed fields are listed with both values, unchanged ones are counted. Secrets never reach here (the
// server drops them before storing), so a value shown is a value that may be seen.
import { useT } from '../../i18n/i18n';
import type { AuditEntry } from './audit-api';
import { auditMessages } from './audit-messages';

type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    if (prefix && Object.keys(value as object).length === 0) out.set(prefix, '{}');
  } else if (prefix || value !== undefined) out.set(prefix || '·', typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT(auditMessages);
  const before = flatten(entry.before);
  const after = flatten(entry.after);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  const changed = fields.filter((f) => before.get(f) !== after.get(f));
  const show = (v: string | undefined) => (v === undefined ? <span className="audit-none">{t('nothing')}</span> : v);
  return (
    <div className="audit-diff" data-testid="audit-diff">
      {entry.before === undefined && entry.after !== undefined && <p className="notice">{t('created')}</p>}
      {entry.after === undefined && entry.before !== undefined && <p className="notice">{t('deleted')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('field')}</th>
            <th>{t('before')}</th>
            <th>{t('after')}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((f) => (
            <tr key={f} data-field={f}>
              <td className="mono">{f}</td>
              <td className="audit-before">{show(before.get(f))}</td>
              <td className="audit-after">{show(after.get(f))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fields.length > changed.length && <p className="muted">{t('unchanged', { n: fields.length - changed.length })}</p>}
    </div>
  );
}
