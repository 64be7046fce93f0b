/**
 * Judges a print-view fetch by status, final URL and content type, so a
 * sign-in redirect or an error page is reported as such, not parsed.
 */

/** Classifies a fetch outcome before parsing: redirected to accounts.google.com / ServiceLogin, 401/403, non-HTML. */
export function classifyPrintViewResponse(r: {
  status: number;
  url: string;
  redirected: boolean;
  contentType: string | null;
}): 'ok' | 'signed-out' | 'no-access' | 'unrecognised' {
  let url: URL | undefined;
  try {
    url = new URL(r.url);
  } catch {
    url = undefined;
  }
  const host = url?.hostname.toLowerCase() ?? '';
  const googleHost = host === 'google.com' || host.endsWith('.google.com');
  const path = url?.pathname ?? '';
  if (
    host === 'accounts.google.com' ||
    (googleHost && /\/(ServiceLogin|signin)\b/i.test(path)) ||
    // Without a session Gmail may also land on its product page.
    host === 'workspace.google.com' ||
    (host === 'www.google.com' && path.startsWith('/gmail/about'))
  ) {
    return 'signed-out';
  }
  if (r.status === 401) return 'signed-out';
  // 403: host access withheld or refused; 0: an opaque (e.g. manual-redirect) response we may not read.
  if (r.status === 403 || r.status === 0) return 'no-access';
  if (r.status < 200 || r.status > 299) return 'unrecognised';
  if (!url || url.protocol !== 'https:' || host !== 'mail.google.com') return 'unrecognised';
  const type = (r.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return 'unrecognised';
  return 'ok';
}
