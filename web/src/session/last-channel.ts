// The channel a platform admin last picked, kept in localStorage: the same choice on every screen (the
// console, the workbench, the simulator) and after a reload. A stale id (a channel since removed) is
// ignored by the screens, which fall back to the first channel they list.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'kefu.channel';

export function useLastChannel(): [string | undefined, (channelId: string) => void] {
  const [chosen, setChosen] = useState<string | undefined>(() => localStorage.getItem(STORAGE_KEY) ?? undefined);
  const choose = useCallback((channelId: string) => {
    localStorage.setItem(STORAGE_KEY, channelId);
    setChosen(channelId);
  }, []);
  return [chosen, choose];
}
