import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ADDED_FIELD_DEFAULTS, parseSettings, SettingsSchema } from '../../../src/core/settings-schema';
import { defaultSettings, type Settings } from '../../../src/core/settings';

const current = (): Settings => ({
  ...defaultSettings('Europe/Berlin'),
  armNewComposes: true,
  replies: { aliases: { 'me@example.com': ['me@example.org'] }, plusAddressing: true, autoRepliesCount: true, notifyOnReply: true, moveToReturn: false },
  notifications: { requireInteraction: false, startupDigest: false },
});

function without(s: Settings, ...fields: (keyof Settings)[]): Record<string, unknown> {
  const copy = structuredClone(s) as unknown as Record<string, unknown>;
  for (const f of fields) delete copy[f];
  return copy;
}

describe('settings migrations: fields added since version 1', () => {
  it('version 1 settings as they first shipped get every added field with its default', () => {
    const first = without(current(), 'armNewComposes', 'replies', 'notifications', 'retentionMonths', 'followUps', 'templates', 'followUpReplyAll');
    const parsed = parseSettings(first);
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual({
      ...first,
      armNewComposes: false,
      replies: ADDED_FIELD_DEFAULTS.replies(),
      notifications: ADDED_FIELD_DEFAULTS.notifications(),
      retentionMonths: ADDED_FIELD_DEFAULTS.retentionMonths(),
      followUps: ADDED_FIELD_DEFAULTS.followUps(),
      templates: ADDED_FIELD_DEFAULTS.templates(),
      followUpReplyAll: true,
    });
  });

  it('templates (issue 11): missing means the friendly built-ins, German in Sie, none of the user’s own', () => {
    expect(parseSettings(without(current(), 'templates')).output).toEqual({
      ...current(),
      templates: { selected: { en: 'builtin:en:friendly', de: 'builtin:de-sie:friendly' }, germanAddress: 'sie', custom: [] },
    });
  });

  it('followUps (issue 11): missing means repeat until answered, 3 → 7 → 14 days, three follow-ups; bounds hold', () => {
    expect(parseSettings(without(current(), 'followUps')).output).toEqual({ ...current(), followUps: { repeat: true, steps: [3, 7, 14], cap: 3 } });
    const withF = (followUps: unknown) => parseSettings({ ...current(), followUps }).success;
    expect(withF({ repeat: false, steps: [1, 90], cap: 10 })).toBe(true);
    expect(withF({ repeat: true, steps: [1, 2, 3, 4, 5, 6], cap: 1 })).toBe(true);
    expect(withF({ repeat: true, steps: [1, 2, 3, 4, 5, 6, 7], cap: 3 })).toBe(false);
    expect(withF({ repeat: true, steps: [], cap: 3 })).toBe(false);
    expect(withF({ repeat: true, steps: [0], cap: 3 })).toBe(false);
    expect(withF({ repeat: true, steps: [91], cap: 3 })).toBe(false);
    expect(withF({ repeat: true, steps: [2.5], cap: 3 })).toBe(false);
    expect(withF({ repeat: true, steps: [3], cap: 0 })).toBe(false);
    expect(withF({ repeat: true, steps: [3], cap: 11 })).toBe(false);
    expect(withF({ repeat: 'yes', steps: [3], cap: 3 })).toBe(false);
  });

  it('retentionMonths: missing means a year; only the offered choices are valid', () => {
    expect(parseSettings(without(current(), 'retentionMonths')).output).toEqual({ ...current(), retentionMonths: 12 });
    expect(parseSettings({ ...current(), retentionMonths: 0 }).success).toBe(true);
    expect(parseSettings({ ...current(), retentionMonths: 7 }).success).toBe(false);
    expect(parseSettings({ ...current(), retentionMonths: -1 }).success).toBe(false);
  });

  it('followUpReplyAll (issue 11): missing means reply to everyone; only a boolean is valid', () => {
    const off = { ...current(), followUpReplyAll: false };
    expect(parseSettings(without(off, 'followUpReplyAll')).output).toEqual({ ...off, followUpReplyAll: true });
    expect(parseSettings(off).output).toEqual(off);
    expect(parseSettings({ ...current(), followUpReplyAll: 'yes' }).success).toBe(false);
  });

  it('armNewComposes: missing means off', () => {
    expect(parseSettings(without(current(), 'armNewComposes')).output).toEqual({ ...current(), armNewComposes: false });
  });

  it('replies: missing means own addresses only, no plus-addressing, auto-replies do not count, no reply notifications', () => {
    expect(parseSettings(without(current(), 'replies')).output).toEqual({
      ...current(),
      replies: { aliases: {}, plusAddressing: false, autoRepliesCount: false, notifyOnReply: false, moveToReturn: true },
    });
  });

  it('replies.moveToReturn (issue 9): reply settings saved before it move reminders past a stated return', () => {
    const old = structuredClone(current()) as unknown as { replies: Record<string, unknown> };
    delete old.replies['moveToReturn'];
    expect((parseSettings(old).output as Settings).replies).toEqual({ ...current().replies, moveToReturn: true });
  });

  it('notifications: missing means stay on screen and one digest for several', () => {
    expect(parseSettings(without(current(), 'notifications')).output).toEqual({
      ...current(),
      notifications: { requireInteraction: true, startupDigest: true },
    });
  });

  it('has a test above for every added field, and every added field is optional in the schema', () => {
    expect(Object.keys(ADDED_FIELD_DEFAULTS).sort()).toEqual(['armNewComposes', 'followUpReplyAll', 'followUps', 'notifications', 'replies', 'retentionMonths', 'templates']);
    const optional = Object.entries(SettingsSchema.entries)
      .filter(([, schema]) => schema.type === 'optional')
      .map(([key]) => key)
      .sort();
    expect(optional).toEqual(Object.keys(ADDED_FIELD_DEFAULTS).sort());
  });

  it('fills a fresh object each time (no shared default)', () => {
    const a = parseSettings(without(current(), 'notifications')).output as Settings;
    const b = parseSettings(without(current(), 'notifications')).output as Settings;
    expect(a.notifications).not.toBe(b.notifications);
  });

  it('keeps current settings unchanged', () => {
    expect(parseSettings(current()).output).toEqual(current());
  });

  it('the defaults of a fresh install are current settings', () => {
    expect(v.parse(SettingsSchema, defaultSettings('UTC'))).toEqual(defaultSettings('UTC'));
  });

  it.each([
    ['notifications.requireInteraction not a boolean', { ...current(), notifications: { requireInteraction: 1, startupDigest: true } }],
    ['notifications.startupDigest missing', { ...current(), notifications: { requireInteraction: true } }],
    ['notifications null', { ...current(), notifications: null }],
    ['more than seven working days', { ...current(), schedule: { ...current().schedule, workingHours: { ...current().schedule.workingHours, days: [1, 2, 3, 4, 5, 6, 0, 1] } } }],
  ])('refuses %s', (_label, raw) => {
    expect(parseSettings(raw).success).toBe(false);
  });
});
