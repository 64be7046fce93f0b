import { render } from 'preact';
import { App } from './App';
import { request, t, uiLocale } from '../platform/client';
import { openOptions } from '../platform/tabs';

const root = document.getElementById('app')!;
document.documentElement.lang = uiLocale();
render(<App request={request} t={t} locale={uiLocale()} openOptions={openOptions} />, root);
