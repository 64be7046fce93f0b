import { render } from 'preact';
import { request, t, uiLocale } from '../platform/client';
import { App } from './App';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
render(<App client={request} t={t} locale={uiLocale()} />, document.getElementById('app')!);
