/**
 * Gmail addresses whose page opens a compose as it loads, without a press
 * or a key in that page: a compose in a window of its own (`?view=cm`,
 * what compose links and `mailto:` handling open, Gmail's pop-out; `tf=cm`,
 * its older spelling; `extsrc=mailto`, the mailto hand-over), and the
 * composes Gmail reopens from the address (`#inbox?compose=new`,
 * `?compose=<draft id>`: every open compose is in the hash, so a reload or a
 * restored tab brings them back). The bootstrap fetches the controls at once
 * for these, so a stopped service worker is woken while Gmail still loads.
 */
const OPENS_COMPOSE: readonly [param: string, value?: string][] = [['view', 'cm'], ['tf', 'cm'], ['extsrc', 'mailto'], ['compose']];

/** Gmail's hash carries its own query (`#inbox?compose=new`, `#search/x?compose=…`). */
function hashQuery(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}

export function opensCompose(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return [url.searchParams, hashQuery(url.hash)].some((params) =>
    OPENS_COMPOSE.some(([name, value]) => {
      const got = params.get(name);
      return got !== null && got !== '' && (value === undefined || got.toLowerCase() === value);
    }),
  );
}
