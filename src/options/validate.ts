/** Pure helpers for the options form: time fields, e-mail checks, settings validation. */
import type { Settings } from '../core/settings';
import { isValidTimeZone } from '../core/time/zoned';
import { CHAIN_LIMITS } from '../core/chain';
import { TEMPLATE_LIMITS } from '../core/templates/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes after midnight → `HH:MM` for `<input type=time>` (1440, the end of the day, shows as 00:00). */
export function minutesToTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) return '';
  const m = minutes % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** `HH:MM` → minutes after midnight; NaN for an empty or partial field. */
export function timeToMinutes(value: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

/** An end time of 00:00 means midnight at the end of the day. */
export const endTimeToMinutes = (value: string) => {
  const m = timeToMinutes(value);
  return m === 0 ? 1440 : m;
};

const validMinute = (m: number, max = 1439) => Number.isInteger(m) && m >= 0 && m <= max;

export interface SettingsProblems {
  defaultTime?: 'invalid';
  start?: 'invalid';
  end?: 'invalid' | 'beforeStart';
  days?: 'none';
  timeZone?: 'invalid';
  followUpSteps?: 'invalid';
  followUpCap?: 'invalid';
  /** Follow-up templates of the user's that cannot be saved, by id. */
  templates?: Record<string, TemplateProblems>;
}

export interface TemplateProblems {
  name?: 'empty' | 'tooLong';
  body?: 'tooLong';
}

const wholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** "3, 7, 14" → [3, 7, 14]; a piece that is not a whole number becomes NaN (shown as invalid, never dropped). */
export function parseSteps(text: string): number[] {
  const pieces = text.split(/[\s,;]+/).filter((p) => p !== '');
  return pieces.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
}

/** The follow-up steps the settings accept: 1–6 whole days of 1–90 (CHAIN_LIMITS, as the settings schema). */
export const validSteps = (steps: readonly number[]) =>
  steps.length >= 1 && steps.length <= CHAIN_LIMITS.maxSteps && steps.every((d) => wholeIn(d, CHAIN_LIMITS.minDays, CHAIN_LIMITS.maxDays));

/** What stops the draft from being saved; empty when it can be saved. */
export function validateSettings(s: Settings): SettingsProblems {
  const problems: SettingsProblems = {};
  if (!validMinute(s.schedule.defaultTime)) problems.defaultTime = 'invalid';
  if (!isValidTimeZone(s.schedule.timeZone)) problems.timeZone = 'invalid';
  const wh = s.schedule.workingHours;
  if (wh.enabled) {
    if (!validMinute(wh.start)) problems.start = 'invalid';
    if (!validMinute(wh.end, 1440)) problems.end = 'invalid';
    else if (!problems.start && wh.end <= wh.start) problems.end = 'beforeStart';
    if (wh.days.length === 0) problems.days = 'none';
  }
  if (!validSteps(s.followUps.steps)) problems.followUpSteps = 'invalid';
  if (!wholeIn(s.followUps.cap, CHAIN_LIMITS.minCap, CHAIN_LIMITS.maxCap)) problems.followUpCap = 'invalid';
  const templates = templateProblems(s);
  if (Object.keys(templates).length > 0) problems.templates = templates;
  return problems;
}

function templateProblems(s: Settings): Record<string, TemplateProblems> {
  const problems: Record<string, TemplateProblems> = {};
  for (const t of s.templates.custom) {
    const p: TemplateProblems = {};
    if (t.name.trim() === '') p.name = 'empty';
    else if (t.name.length > TEMPLATE_LIMITS.name) p.name = 'tooLong';
    if (t.body.length > TEMPLATE_LIMITS.body) p.body = 'tooLong';
    if (p.name || p.body) problems[t.id] = p;
  }
  return problems;
}

export const hasProblems = (p: SettingsProblems) => Object.keys(p).length > 0;

/** What the options page accepts as an address: local@domain.tld, no spaces or brackets. */
export function isEmail(value: string): boolean {
  return value.length <= 320 && /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\].]{2,}$/.test(value);
}

export const MAX_ALIASES = 50;
export const MAX_ACCOUNTS = 20;

export type AddressProblem = 'invalid' | 'duplicate' | 'self' | 'tooMany';

/** Checks an alias typed for `account`; returns the normalised address or why it is refused. */
export function checkAlias(raw: string, account: string, existing: readonly string[]): { ok: true; address: string } | { ok: false; problem: AddressProblem } {
  const address = raw.trim().toLowerCase();
  if (!isEmail(address)) return { ok: false, problem: 'invalid' };
  if (address === account.toLowerCase()) return { ok: false, problem: 'self' };
  if (existing.includes(address)) return { ok: false, problem: 'duplicate' };
  if (existing.length >= MAX_ALIASES) return { ok: false, problem: 'tooMany' };
  return { ok: true, address };
}
