import type { Client } from '../core/protocol/client';
import type { ResponseMap } from '../core/protocol/messages';
import type { Translate } from '../core/notification-text';

/** The typed request function (src/platform/client's `request` in the extension, a fake in tests). */
export type Request = Client;

/** What `reminder.list` answers. */
export type ListData = ResponseMap['reminder.list'];

/** Everything a row needs to turn data into words, fixed for one render. */
export interface Env {
  t: Translate;
  /** BCP 47 UI language, e.g. `en-US`, `de`. */
  locale: string;
  /** The user's zone from settings (the browser's until settings arrive). */
  timeZone: string;
  /** The instant the list was computed at (`reminder.list`'s `now`). */
  now: number;
}

export type { Translate };
