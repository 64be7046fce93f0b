import { separateUpTo, SEPARATE_UP_TO_CHOICES } from '../core/notification-plan';
import type { Settings } from '../core/settings';
import { Checkbox, Section } from './fields';
import { useI18n } from './i18n';

export interface NotificationsProps {
  draft: Settings;
  update(change: (s: Settings) => Settings): void;
}

export function NotificationsSection({ draft, update }: NotificationsProps) {
  const { t } = useI18n();
  const prefs = draft.notifications;
  const set = (change: Partial<Settings['notifications']>) =>
    update((s) => ({ ...s, notifications: { ...s.notifications, ...change } }));
  return (
    <Section id="notifications" title={t('optNotificationsTitle')}>
      <Checkbox
        id="opt-require-interaction"
        label={t('optRequireInteraction')}
        hint={t('optRequireInteractionHint')}
        checked={prefs.requireInteraction}
        onChange={(on) => set({ requireInteraction: on })}
      />
      <Checkbox
        id="opt-startup-digest"
        label={t('optStartupDigest')}
        hint={t('optStartupDigestHint')}
        checked={prefs.startupDigest}
        onChange={(on) => set({ startupDigest: on })}
      />
      <div class="field">
        <label for="opt-separate-up-to">{t('optSeparateUpTo')}</label>
        <select
          id="opt-separate-up-to"
          value={String(separateUpTo(prefs))}
          disabled={!prefs.startupDigest}
          aria-describedby="opt-separate-up-to-hint"
          onChange={(e) => set({ separateUpTo: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {SEPARATE_UP_TO_CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {String(n)}
            </option>
          ))}
        </select>
        <p class="hint" id="opt-separate-up-to-hint">
          {t('optSeparateUpToHint')}
        </p>
      </div>
    </Section>
  );
}
