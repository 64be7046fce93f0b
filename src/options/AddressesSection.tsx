import { useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { Checkbox, FieldError, Section } from './fields';
import { useI18n } from './i18n';
import { checkAlias, isEmail, MAX_ACCOUNTS, type AddressProblem } from './validate';

export interface AddressesProps {
  draft: Settings;
  /** Accounts Gmail tabs have reported (diagnostics), shown even before they have aliases. */
  knownAccounts: readonly string[];
  update(change: (s: Settings) => Settings): void;
}

interface AccountProps {
  account: string;
  /** Position in the list, for element ids. */
  index: number;
  aliases: readonly string[];
  update: AddressesProps['update'];
}

function AccountAliases({ account, index, aliases, update }: AccountProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<AddressProblem | null>(null);
  const id = `opt-alias-${index}`;
  const setAliases = (next: string[]) =>
    update((s) => ({ ...s, replies: { ...s.replies, aliases: { ...s.replies.aliases, [account]: next } } }));

  const add = () => {
    const checked = checkAlias(text, account, aliases);
    if (!checked.ok) return setProblem(checked.problem);
    setAliases([...aliases, checked.address]);
    setText('');
    setProblem(null);
  };
  const message =
    problem === 'invalid'
      ? t('optErrorEmail')
      : problem === 'duplicate'
        ? t('optErrorAliasDuplicate')
        : problem === 'self'
          ? t('optErrorAliasSelf')
          : problem === 'tooMany'
            ? t('optErrorAliasTooMany')
            : undefined;

  return (
    <fieldset class="group account">
      <legend>{account}</legend>
      {aliases.length === 0 ? (
        <p class="hint">{t('optNoAliases')}</p>
      ) : (
        <ul class="aliases" aria-label={t('optAliasesOf', [account])}>
          {aliases.map((alias) => (
            <li key={alias}>
              <span>{alias}</span>
              <button type="button" aria-label={t('optRemoveAlias', [alias])} onClick={() => setAliases(aliases.filter((a) => a !== alias))}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field inline">
        <label for={id}>{t('optAddAlias')}</label>
        <input
          type="email"
          id={id}
          value={text}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onInput={(e) => {
            setText((e.currentTarget as HTMLInputElement).value);
            setProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add}>
          {t('optAdd')}
        </button>
        <FieldError id={`${id}-error`} message={message} />
      </div>
    </fieldset>
  );
}

export function AddressesSection({ draft, knownAccounts, update }: AddressesProps) {
  const { t } = useI18n();
  const [newAccount, setNewAccount] = useState('');
  const [accountProblem, setAccountProblem] = useState<string | undefined>();
  const aliases = draft.replies.aliases;
  const accounts = [...new Set([...knownAccounts.map((a) => a.toLowerCase()), ...Object.keys(aliases)])].sort();

  const addAccount = () => {
    const account = newAccount.trim().toLowerCase();
    if (!isEmail(account)) return setAccountProblem(t('optErrorEmail'));
    if (accounts.includes(account)) return setAccountProblem(t('optErrorAccountDuplicate'));
    if (Object.keys(aliases).length >= MAX_ACCOUNTS) return setAccountProblem(t('optErrorAccountTooMany'));
    update((s) => ({ ...s, replies: { ...s.replies, aliases: { ...s.replies.aliases, [account]: [] } } }));
    setNewAccount('');
    setAccountProblem(undefined);
  };

  return (
    <Section id="addresses" title={t('optAddressesTitle')}>
      <p class="intro">{t('optAddressesIntro')}</p>
      {accounts.length === 0 && <p class="hint">{t('optNoAccounts')}</p>}
      {accounts.map((account, index) => (
        <AccountAliases key={account} account={account} index={index} aliases={aliases[account] ?? []} update={update} />
      ))}
      <div class="field inline">
        <label for="opt-new-account">{t('optAddAccount')}</label>
        <input
          type="email"
          id="opt-new-account"
          value={newAccount}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={accountProblem ? 'true' : undefined}
          aria-describedby="opt-new-account-error"
          onInput={(e) => {
            setNewAccount((e.currentTarget as HTMLInputElement).value);
            setAccountProblem(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addAccount();
            }
          }}
        />
        <button type="button" onClick={addAccount}>
          {t('optAdd')}
        </button>
        <FieldError id="opt-new-account-error" message={accountProblem} />
      </div>
      <Checkbox
        id="opt-plus"
        label={t('optPlusAddressing')}
        hint={t('optPlusAddressingHint')}
        checked={draft.replies.plusAddressing}
        onChange={(on) => update((s) => ({ ...s, replies: { ...s.replies, plusAddressing: on } }))}
      />
    </Section>
  );
}
