// The search's results in the inbox's side: each conversation with its customer, the message that says
// the words (marked), its state and tags; more pages on demand.
import { Link } from 'wouter';
import { useFormatters, useT } from '../i18n/i18n';
import { Avatar } from './avatar';
import { TagChip, type useTagList } from './conversation-tags';
import { deskMessages } from './desk-messages';
import type { SearchItem, SearchResult } from './desk-types';
import { contentSummary } from './message-content';
import { agentMessages } from './messages';
import { customerLabel, useCustomer } from './use-directory';

export function Results({
  result,
  words,
  tags,
  busy,
  onMore,
  onClear,
}: {
  result: SearchResult;
  words: string;
  tags: ReturnType<typeof useTagList>;
  busy: boolean;
  onMore(before: number): void;
  onClear(): void;
}) {
  const t = useT(deskMessages);
  const next = result.nextBefore;
  return (
    <div className="desk-search-results" data-testid="search-results">
      <div className="row">
        <span className="hint">{t('search_results', { n: result.items.length })}</span>
        <button type="button" className="link" data-testid="search-clear" onClick={onClear}>
          {t('search_clear')}
        </button>
      </div>
      {result.items.length === 0 && <p className="hint">{t('search_none')}</p>}
      <ul className="inbox-list">
        {result.items.map((item) => (
          <Hit key={item.id} item={item} words={words} tags={tags} />
        ))}
      </ul>
      {next !== undefined && (
        <button type="button" className="link" disabled={busy} onClick={() => onMore(next)}>
          {busy ? t('search_searching') : t('search_more')}
        </button>
      )}
    </div>
  );
}

function Hit({ item, words, tags }: { item: SearchItem; words: string; tags: ReturnType<typeof useTagList> }) {
  const ta = useT(agentMessages);
  const f = useFormatters();
  const customer = useCustomer(item.customerId);
  const name = customerLabel(customer, ta('customer'));
  const shown = item.match ?? item.lastMessage;
  return (
    <li className="inbox-item" data-conversation-id={item.id} data-testid="search-hit">
      <Link href={`/${item.id}`} className="inbox-item-link">
        <Avatar url={customer?.avatarUrl} name={name} />
        <span className="inbox-item-main">
          <span className="inbox-item-top">
            <span className="inbox-item-name">{name}</span>
            <span className="inbox-item-time">{f.time(item.createdAt)}</span>
          </span>
          <span className={item.match ? 'inbox-item-preview desk-search-match' : 'inbox-item-preview'}>
            {item.match ? (
              <Highlighted text={contentSummary(item.match.content, ta)} words={words} />
            ) : shown ? (
              contentSummary(shown.content, ta)
            ) : (
              ''
            )}
          </span>
          <span className="row">
            <span className="badge">{ta(`state_${item.state}`)}</span>
            {tags
              .filter((tag) => item.tagIds.includes(tag.id))
              .map((tag) => (
                <TagChip key={tag.id} tag={tag} />
              ))}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** The words marked where the message says them (ASCII case ignored, as the search does). */
function Highlighted({ text, words }: { text: string; words: string }) {
  const fold = (x: string) => x.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const at = words ? fold(text).indexOf(fold(words)) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + words.length)}</mark>
      {text.slice(at + words.length)}
    </>
  );
}
