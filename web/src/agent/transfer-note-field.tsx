// The transfer dialog's note: kept as an internal note the receiving agent sees, never sent to the customer.
import { useT } from '../i18n/i18n';
import { deskMessages } from './desk-messages';

export function TransferNoteField() {
  const t = useT(deskMessages);
  return (
    <label>
      {t('transfer_note')}
      <textarea name="transferNote" data-testid="transfer-note" rows={2} maxLength={2000} />
    </label>
  );
}
