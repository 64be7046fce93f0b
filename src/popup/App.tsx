import { Checklist, type ChecklistProps } from './Checklist';
import type { Request, Translate } from './types';

export interface AppProps extends Pick<ChecklistProps, 'openOptions'> {
  request: Request;
  t: Translate;
  locale: string;
}

/** The popup as the extension mounts it (main.tsx wires the real client, translator and tabs). */
export function App(props: AppProps) {
  return <Checklist {...props} />;
}
