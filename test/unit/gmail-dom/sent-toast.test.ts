// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { byId, hashClasses, load } from './dom';
import { isSentToast } from '../../../src/content/gmail/sent-toast';

describe('isSentToast', () => {
  it('the toast, its text area, its View message link, and a subtree holding it', () => {
    const doc = load('sent-toast.html');
    expect(isSentToast(byId(doc, ':toast'))).toBe(true);
    expect(isSentToast(byId(doc, ':toast-text'))).toBe(true);
    expect(isSentToast(byId(doc, 'link_vsm'))).toBe(true);
    expect(isSentToast(doc.body)).toBe(true);
  });

  it('not the unrelated alert before it, not a list row', () => {
    const doc = load('sent-toast.html');
    expect(isSentToast(byId(doc, ':loading-alert'))).toBe(false);
    expect(isSentToast(byId(doc, ':row1'))).toBe(false);
  });

  it('without the b8 class: any alert holding the toast links', () => {
    const doc = load('sent-toast.html');
    hashClasses(doc, 'b8');
    expect(isSentToast(byId(doc, ':toast'))).toBe(true);
    expect(isSentToast(doc.body)).toBe(true);
    expect(isSentToast(byId(doc, ':loading-alert'))).toBe(false);
  });

  it('only Undo (still "Sending…", or an archive toast): not the sent toast', () => {
    const doc = load('sent-toast.html');
    byId(doc, 'link_vsm').remove();
    expect(isSentToast(byId(doc, ':toast'))).toBe(false);
  });

  it('the toast text in another language: decided by ids, not text', () => {
    const doc = load('sent-toast.html', { edit: (h) => h.replace('Message sent', 'Nachricht gesendet').replace('View message', 'Nachricht ansehen') });
    expect(isSentToast(byId(doc, ':toast'))).toBe(true);
  });

  it('a dismissed (hidden) toast', () => {
    const doc = load('sent-toast.html');
    byId(doc, ':toast').setAttribute('style', 'display: none;');
    expect(isSentToast(byId(doc, ':toast'))).toBe(false);
  });

  it('never throws', () => {
    expect(isSentToast({} as Element)).toBe(false);
  });
});
