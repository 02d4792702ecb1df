// A customer's avatar: their picture when it loads, else the first letter of their name.
import { useState } from 'react';

export function Avatar({ url, name, big = false }: { url: string | undefined; name: string; big?: boolean }) {
  const [broken, setBroken] = useState(false);
  const usable = url && /^https?:\/\//.test(url) && !broken;
  return (
    <span className={big ? 'inbox-avatar big' : 'inbox-avatar'} aria-hidden="true">
      {usable ? <img src={url} alt="" referrerPolicy="no-referrer" onError={() => setBroken(true)} /> : name.slice(0, 1).toUpperCase()}
    </span>
  );
}
