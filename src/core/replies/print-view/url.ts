/**
 * Builds the print-view address for a thread.
 */

/**
 * https://mail.google.com/mail/u/0/?authuser=<email>&ik=…&view=pt&search=all&th=<hex>
 * (or `permthid=thread-f:<decimal>`), with `hl=en` for English dates.
 * `authuser` picks the account (the `/u/N` index changes as accounts are
 * added); the hex id wins when both are usable. Throws without an account
 * or a usable thread id (a programming error, not page content).
 */
export function printViewUrl(p: { account: string; threadId?: string; permThreadId?: string; ik?: string }): string {
  const account = (p.account ?? '').trim();
  if (!account) throw new TypeError('printViewUrl: account is required');
  const hex = p.threadId?.trim();
  const perm = p.permThreadId?.trim();
  const params: [string, string][] = [['authuser', account]];
  if (p.ik) params.push(['ik', p.ik]);
  params.push(['view', 'pt'], ['search', 'all']);
  if (hex && /^[0-9a-f]{1,16}$/i.test(hex)) params.push(['th', hex.toLowerCase()]);
  else if (perm && /^(thread-f:)?\d{1,20}$/.test(perm)) params.push(['permthid', perm.startsWith('thread-f:') ? perm : `thread-f:${perm}`]);
  else throw new TypeError('printViewUrl: a hex threadId or a thread-f:<decimal> permThreadId is required');
  params.push(['hl', 'en']);
  return `https://mail.google.com/mail/u/0/?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
