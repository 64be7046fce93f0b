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
    </Section>
  );
}
