// Generating a UnionID key on request: 32 letters and digits (AES-256), shown with a copy button until the
// form is saved, because the integrator's backend needs the same key; the server never returns it.
import { useT } from '../../i18n/i18n';
import { CopyButton } from '../ui';
import { newUnionIdKey } from './secrets';
import { setupMessages } from './setup-messages';

export function UnionIdKeyGenerate({ value, generated, onGenerate }: { value: string; generated: boolean; onGenerate(key: string): void }) {
  const t = useT(setupMessages);
  return (
    <div className="stack">
      <div className="row">
        <button type="button" data-testid="union-key-generate" onClick={() => onGenerate(newUnionIdKey())}>
          {t('union_generate')}
        </button>
        {generated && value && (
          <>
            <code data-testid="union-key-value" data-value={value}>
              {value}
            </code>
            <CopyButton value={value} />
          </>
        )}
      </div>
      {generated && value && <p className="notice">{t('union_generated')}</p>}
    </div>
  );
}
