// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestFailedError } from '../../../src/core/protocol/client';
import { lastSaved, renderOptions, sampleSettings } from './helpers';

afterEach(cleanup);

const field = <T extends HTMLElement>(label: string | RegExp) => screen.getByLabelText(label) as T;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
const status = (form: HTMLElement) => within(form).getByRole('status');
const setTime = (label: string | RegExp, value: string) => fireEvent.input(field<HTMLInputElement>(label), { target: { value } });
const dayBoxes = () => within(screen.getByRole('group', { name: 'Working days' })).getAllByRole('checkbox') as HTMLInputElement[];
const dayNames = () => dayBoxes().map((b) => (b.labels?.[0]?.textContent ?? ''));
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('options: defaults', () => {
  it('shows the current settings with an example of each delay', async () => {
    await renderOptions();
    expect(field<HTMLSelectElement>('Default reminder delay').value).toBe('in-3-days');
    expect(field<HTMLSelectElement>('Snooze delay').value).toBe('tomorrow');
    await waitFor(() => expect(screen.getByText('e.g. Mon, Dec 8, 09:00')).toBeTruthy());
    expect(describedBy(field('Snooze delay'))).toContain('e.g. Thu, Dec 4, 09:00');
    expect(field<HTMLInputElement>('Time of day for day-based delays').value).toBe('09:00');
    expect(field<HTMLInputElement>('Time of day for day-based delays').type).toBe('time');
    expect(field<HTMLInputElement>('Only remind me during working hours').checked).toBe(true);
    expect(field<HTMLInputElement>('Start').value).toBe('09:00');
    expect(field<HTMLInputElement>(/^End/).value).toBe('18:00');
    expect(field<HTMLSelectElement>('Time zone').value).toBe('Europe/Berlin');
    expect(field<HTMLInputElement>('Arm every new email with the default reminder').checked).toBe(false);
    expect(field<HTMLInputElement>('Treat automatic replies as replies').checked).toBe(false);
  });

  it('names the days with Intl and starts the week on Sunday in English, Monday in German', async () => {
    await renderOptions();
    expect(dayNames()).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(dayBoxes().map((b) => b.checked)).toEqual([false, true, true, true, true, true, false]);
    cleanup();
    await renderOptions({}, 'de');
    expect(dayNames()).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
  });

  it('saves every edit in one settings.set and says "Saved"', async () => {
    const { calls, form } = await renderOptions();
    fireEvent.change(field('Default reminder delay'), { target: { value: 'tomorrow' } });
    fireEvent.change(field('Snooze delay'), { target: { value: 'next-week' } });
    setTime('Time of day for day-based delays', '08:30');
    fireEvent.click(screen.getByLabelText('Friday'));
    fireEvent.click(screen.getByLabelText('Saturday'));
    setTime('Start', '08:00');
    setTime(/^End/, '17:15');
    fireEvent.change(field('Time zone'), { target: { value: 'America/New_York' } });
    fireEvent.click(field('Arm every new email with the default reminder'));
    expect(status(form).textContent).toBe('Unsaved changes');
    save();
    await waitFor(() => expect(status(form).textContent).toBe('Saved'));
    expect(status(form).getAttribute('aria-live')).toBe('polite');
    expect(calls('settings.set')).toHaveLength(1);
    expect(lastSaved(calls)).toEqual(
      sampleSettings((s) => ({
        ...s,
        defaultPreset: 'tomorrow',
        snoozePreset: 'next-week',
        armNewComposes: true,
        schedule: {
          timeZone: 'America/New_York',
          defaultTime: 8 * 60 + 30,
          workingHours: { enabled: true, days: [1, 2, 3, 4, 6], start: 8 * 60, end: 17 * 60 + 15 },
        },
      })),
    );
  });

  it('"Write follow-up: reply to everyone" is on by default, explained, and saved off when unticked', async () => {
    const { calls, form } = await renderOptions();
    const box = field<HTMLInputElement>('Write follow-up: reply to everyone when the message went to several people');
    expect(box.checked).toBe(true);
    expect(describedBy(box)).toContain("Off: the follow-up opens Gmail's plain Reply");
    fireEvent.click(box);
    save();
    await waitFor(() => expect(status(form).textContent).toBe('Saved'));
    expect(lastSaved(calls)).toEqual(sampleSettings((s) => ({ ...s, followUpReplyAll: false })));
  });

  it('asks for the example of a newly chosen delay', async () => {
    const { calls } = await renderOptions();
    fireEvent.change(field('Default reminder delay'), { target: { value: 'in-2-weeks' } });
    await waitFor(() => expect(describedBy(field('Default reminder delay'))).toContain('e.g. Wed, Dec 17, 09:00'));
    expect(calls('due.preview')).toContainEqual({ preset: 'in-2-weeks' });
  });

  it('blocks saving when the end is not after the start, with the message next to the field', async () => {
    const { calls, form } = await renderOptions();
    setTime(/^End/, '08:00');
    const end = field<HTMLInputElement>(/^End/);
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(end)).toContain('The end must be after the start.');
    save();
    await waitFor(() => expect(status(form).textContent).toBe('Not saved: please correct the marked fields.'));
    expect(calls('settings.set')).toHaveLength(0);
    expect(document.activeElement).toBe(end);
    setTime(/^End/, '00:00'); // midnight at the end of the day
    expect(end.getAttribute('aria-invalid')).toBeNull();
    save();
    await waitFor(() => expect(status(form).textContent).toBe('Saved'));
    expect(lastSaved(calls).schedule.workingHours.end).toBe(24 * 60);
  });

  it('blocks saving without a working day, but not when working hours are off', async () => {
    const { calls, form } = await renderOptions();
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) fireEvent.click(screen.getByLabelText(day));
    expect(screen.getByText('Choose at least one working day.')).toBeTruthy();
    save();
    await waitFor(() => expect(status(form).textContent).toMatch(/^Not saved/));
    expect(calls('settings.set')).toHaveLength(0);
    fireEvent.click(field('Only remind me during working hours'));
    expect(screen.queryByText('Choose at least one working day.')).toBeNull();
    save();
    await waitFor(() => expect(status(form).textContent).toBe('Saved'));
    expect(lastSaved(calls).schedule.workingHours).toMatchObject({ enabled: false, days: [] });
  });

  it('blocks saving an empty time of day', async () => {
    const { calls, form } = await renderOptions();
    setTime('Time of day for day-based delays', '');
    expect(screen.getByText('Enter a complete time.')).toBeTruthy();
    save();
    await waitFor(() => expect(status(form).textContent).toMatch(/^Not saved/));
    expect(calls('settings.set')).toHaveLength(0);
  });

  it('offers the browser time zone and lists every supported zone', async () => {
    await renderOptions();
    const zones = [...field<HTMLSelectElement>('Time zone').options].map((o) => o.value);
    expect(zones).toEqual(expect.arrayContaining(Intl.supportedValuesOf('timeZone')));
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    fireEvent.click(screen.getByRole('button', { name: /^Use this computer's time zone/ }));
    expect(field<HTMLSelectElement>('Time zone').value).toBe(here);
  });

  it('says why saving failed and keeps the edits', async () => {
    const { form } = await renderOptions({
      'settings.set': async () => {
        throw new RequestFailedError({ code: 'invalid-request', message: 'settings.set: Unknown time zone' });
      },
    });
    fireEvent.change(field('Snooze delay'), { target: { value: 'in-1-week' } });
    save();
    await waitFor(() => expect(status(form).textContent).toBe("Couldn't save: settings.set: Unknown time zone"));
    expect(field<HTMLSelectElement>('Snooze delay').value).toBe('in-1-week');
  });

  it('labels every control', async () => {
    const { view } = await renderOptions();
    await waitFor(() => expect(screen.getByText('Reminders by status')).toBeTruthy());
    for (const el of view.container.querySelectorAll('input, select')) {
      const input = el as HTMLInputElement;
      expect(input.labels?.length ?? 0, input.id || input.outerHTML).toBeGreaterThan(0);
    }
  });
});
