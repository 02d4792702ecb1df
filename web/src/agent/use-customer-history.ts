// The customer's conversations (GET /customers/:id/conversations, newest first, with the same person's on
// other channels), page by page; and one conversation's messages for a read-only view.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { CustomerHistory, CustomerHistoryItem, Message } from '../api/types';

const PAGE = 20;
const MESSAGES = 200;

export const historyPath = (customerId: string) => `/api/v1/customers/${encodeURIComponent(customerId)}/conversations`;

export function useCustomerHistory(customerId: string | undefined) {
  const [items, setItems] = useState<CustomerHistoryItem[] | undefined>();
  const [nextBefore, setNextBefore] = useState<number>();
  useEffect(() => {
    if (!customerId) return;
    let live = true;
    setItems(undefined);
    api.get<CustomerHistory>(historyPath(customerId), { limit: PAGE }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setNextBefore(page.nextBefore);
      },
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [customerId]);
  const more = useCallback(async () => {
    if (!customerId || nextBefore === undefined) return;
    const page = await api.get<CustomerHistory>(historyPath(customerId), { limit: PAGE, before: nextBefore });
    setItems((list) => [...(list ?? []), ...page.items.filter((i) => !list?.some((x) => x.id === i.id))]);
    setNextBefore(page.nextBefore);
  }, [customerId, nextBefore]);
  return { items, hasMore: nextBefore !== undefined, more };
}

/** The newest messages of a conversation (oldest first), for reading only. */
export function loadConversationMessages(conversationId: string): Promise<Message[]> {
  return api
    .get<{ items: Message[] }>(`/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`, { limit: MESSAGES })
    .then((r) => r.items);
}

/** The conversation of the customer (or the same person elsewhere) created just before `createdAt`. */
export async function loadConversationBefore(customerId: string, createdAt: number): Promise<CustomerHistoryItem | undefined> {
  const page = await api.get<CustomerHistory>(historyPath(customerId), { limit: 1, before: createdAt });
  return page.items[0];
}
