// The knowledge base's changes as the audit log keeps them. Its service lives outside app/ (knowledge/),
// so its routes record through app/support/audit.ts's `audited`; this names what they record.
import type { Change } from '../../app/support/audit';
import type { Scope } from '../../knowledge/knowledge-store';

/** `action`: 'entry.create', 'synonyms.replace'…; the target type is the knowledge base's part. */
export function knowledgeChange(scope: Scope, action: string, targetId: string | number, before: unknown, after: unknown): Change {
  const [part] = action.split('.');
  return {
    action: `knowledge_${action}`,
    targetType: `knowledge_${part}`,
    targetId: String(targetId),
    channelId: scope.channelId,
    merchantId: scope.merchantId,
    before,
    after,
  };
}
