import type { Settings } from '../core/settings';
import { Checkbox, Section } from './fields';
import { useI18n } from './i18n';

export interface ReplyRulesProps {
  draft: Settings;
  update(change: (s: Settings) => Settings): void;
}

export function ReplyRulesSection({ draft, update }: ReplyRulesProps) {
  const { t } = useI18n();
  const replies = (change: Partial<Settings['replies']>) => update((s) => ({ ...s, replies: { ...s.replies, ...change } }));
  return (
    <Section id="reply-rules" title={t('optReplyRulesTitle')}>
      <Checkbox
        id="opt-auto-replies"
        label={t('optAutoRepliesCount')}
        hint={t('optAutoRepliesCountHint')}
        checked={draft.replies.autoRepliesCount}
        onChange={(on) => replies({ autoRepliesCount: on })}
      />
      <Checkbox
        id="opt-move-to-return"
        label={t('optMoveToReturn')}
        hint={t('optMoveToReturnHint')}
        checked={draft.replies.moveToReturn}
        onChange={(on) => replies({ moveToReturn: on })}
      />
      <Checkbox
        id="opt-notify-reply"
        label={t('optNotifyOnReply')}
        hint={t('optNotifyOnReplyHint')}
        checked={draft.replies.notifyOnReply}
        onChange={(on) => replies({ notifyOnReply: on })}
      />
    </Section>
  );
}
