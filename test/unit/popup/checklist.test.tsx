// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, HOUR, ids, reminder, row, rows, sample, setup, T0, thread } from './helpers';

afterEach(cleanup);

const heading = (name: RegExp) => screen.getByRole('heading', { name });

describe('Checklist sections', () => {
  it('shows every section with its count, in order, and the due count in the header', async () => {
    await setup(sample());
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Overdue22 reminders', 'Due today11 reminders', 'Upcoming22 reminders', 'Replied11 reminders', 'Done11 reminders']);
    expect(heading(/^Overdue/).querySelector('.count')!.textContent).toBe('2');
    expect(screen.getByText('2 overdue or due now')).toBeTruthy();
    expect(ids()).toEqual(['over1', 'over2', 'today1', 'up1', 'up2', 'rep1', 'done1']);
  });

  it('labels each row by subject, recipients and due time, with the exact time in a title and the description', async () => {
    await setup(sample());
    const r = row('Quarterly numbers');
    expect(r.getAttribute('aria-label')).toBe('Quarterly numbers, to Bob, in 2 days');
    const when = r.querySelector('.when')!;
    expect(when.textContent).toBe('in 2 days');
    expect(when.getAttribute('title')).toBe('Due Fri, Mar 14, 10:00');
    const desc = document.getElementById(r.getAttribute('aria-describedby')!)!;
    expect(desc.textContent).toContain('Due Fri, Mar 14, 10:00');
    expect(r.querySelector('.sent')!.textContent).toBe('sent Mar 11');
    expect(row('Invoice 42').querySelector('.when')!.textContent).toBe('3 days overdue');
    expect(row('Contract draft').getAttribute('aria-label')).toBe('Contract draft, to carl@law.de, 1 hour overdue');
    expect(row('Lunch?').querySelector('.when')!.textContent).toBe('in 3 hours');
  });

  it('shows status and the explanation line for replied, snoozed, bounced and unverified rows', async () => {
    await setup([
      ...sample().filter((r) => ['up2', 'rep1', 'done1'].includes(r.id)),
      reminder({ id: 'b', dueAt: T0 + DAY, thread: thread({ subject: 'Bounce' }), check: { at: T0, source: 'print-view', outcome: 'bounced', by: { email: 'mailer-daemon@googlemail.com' }, failures: 0 } }),
      reminder({ id: 'u', status: 'notified', dueAt: T0 - DAY, thread: thread({ subject: 'Unverified' }), check: { at: T0, source: 'print-view', outcome: 'failed', failure: 'signed-out', failures: 1 } }),
    ]);
    expect(row('Budget question').querySelector('.why')!.textContent).toBe('Bob replied on Wed, Mar 12, 08:00');
    expect(row('Budget question').querySelector('.when')!.textContent).toBe('replied 2 hours ago');
    expect(row('Offsite venue').querySelector('.status')!.textContent).toBe('Snoozed');
    expect(row('Bounce').querySelector('.why')!.textContent).toBe('Not deliveredDelivery failed: mailer-daemon@googlemail.com reported an error. Check the address and resend.');
    expect(row('Unverified').querySelector('.why')!.textContent).toBe("Not checkedCouldn't check for replies: signed out of Gmail.");
    expect(row('Old thing').querySelector('.when')!.textContent).toBe('done yesterday');
    expect((row('Old thing').querySelector('.done') as HTMLInputElement).checked).toBe(true);
  });

  it('writes relative times in German in a German UI', async () => {
    await setup(sample(), { locale: 'de' });
    expect(row('Quarterly numbers').querySelector('.when')!.textContent).toBe('übermorgen');
    expect(row('Offsite venue').querySelector('.when')!.textContent).toBe('in 5 Tagen');
  });

  it('teaches the feature in one sentence when there is nothing', async () => {
    await setup([]);
    expect(screen.getByText('Click “Remind me” next to Send in Gmail and we’ll bring the thread back if nobody answers.')).toBeTruthy();
    expect(rows()).toHaveLength(0);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('renders hostile subjects as inert, readable text', async () => {
    const long = 'A'.repeat(500);
    await setup([
      reminder({ id: 'x1', thread: thread({ subject: '<img src=x onerror=alert(1)>', recipients: [{ email: 'e@x.com', name: '<b>Eve</b>' }] }) }),
      reminder({ id: 'x2', dueAt: T0 + 2 * DAY, thread: thread({ subject: 'שלום עולם \u202Egnp.exe' }) }),
      reminder({ id: 'x3', dueAt: T0 + 3 * DAY, thread: thread({ subject: long }) }),
    ]);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    const s1 = row('<img src=x onerror=alert(1)>').querySelector('.subject')!;
    expect(s1.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(s1.getAttribute('dir')).toBe('auto');
    expect(row('<img src=x onerror=alert(1)>').querySelector('.who')!.textContent).toBe('<b>Eve</b>');
    const s2 = document.querySelector('[data-id=x2] .subject')!;
    expect(s2.textContent).not.toContain('\u202E');
    expect(s2.getAttribute('title')).toBe('שלום עולם gnp.exe');
    const s3 = document.querySelector('[data-id=x3] .subject')!;
    expect(s3.textContent!.length).toBeLessThanOrEqual(200);
    expect(s3.getAttribute('title')).toBe(long);
  });

  it('says so when the list cannot be loaded, and retries', async () => {
    const { fakeBackground } = await import('./helpers');
    const { render } = await import('@testing-library/preact');
    const { Checklist } = await import('../../../src/popup/Checklist');
    const { t } = await import('./helpers');
    const bg = fakeBackground(sample());
    bg.failing.add('reminder.list');
    render(<Checklist request={bg.request} t={t} locale="en" />);
    expect((await screen.findByRole('alert')).textContent).toBe("Couldn't load reminders: reminder.list failed");
    bg.failing.delete('reminder.list');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: /^Overdue/ })).toBeTruthy();
  });
});

describe('Search and account filter', () => {
  it('filters by subject, recipients and account, with filtered counts', async () => {
    await setup(sample());
    const search = screen.getByRole('searchbox', { name: /Search reminders/ });
    fireEvent.input(search, { target: { value: 'ann' } });
    expect(ids()).toEqual(['over1']);
    expect(heading(/^Overdue/).querySelector('.count')!.textContent).toBe('1');
    fireEvent.input(search, { target: { value: 'QUARTERLY' } });
    expect(ids()).toEqual(['up1']);
    fireEvent.input(search, { target: { value: 'law.de contract' } });
    expect(ids()).toEqual(['over2']);
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.getByText('No reminder matches.')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(rows()).toHaveLength(7);
  });

  it('offers an account filter and shows accounts only with several accounts', async () => {
    await setup(sample());
    expect(screen.queryByRole('combobox', { name: /account/ })).toBeNull();
    expect(document.querySelector('.account')).toBeNull();
    cleanup();
    await setup([...sample(), reminder({ id: 'w1', account: 'work@corp.com', dueAt: T0 + DAY, thread: thread({ subject: 'Work thing' }) })]);
    const select = screen.getByRole('combobox', { name: 'Show reminders of account' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All accounts', 'me@example.com', 'work@corp.com']);
    expect(row('Work thing').querySelector('.account')!.textContent).toBe('work@corp.com');
    // fireEvent.change does not reach a <select> here after an await (happy-dom); set and dispatch by hand.
    (select as HTMLSelectElement).value = 'work@corp.com';
    fireEvent(select, new Event('change', { bubbles: true }));
    expect(ids()).toEqual(['w1']);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'corp' } });
    expect(ids()).toEqual(['w1']);
  });
});

describe('the way to the settings', () => {
  it('opens the options page from the header', async () => {
    const { openOptions } = await setup(sample());
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});
