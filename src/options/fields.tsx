import type { ComponentChildren } from 'preact';

/** A checkbox with its label (the whole line is clickable) and an optional hint under it. */
export function Checkbox(props: { id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <div class="check">
      <input
        type="checkbox"
        id={props.id}
        checked={props.checked}
        aria-describedby={hintId}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** The message next to a field that blocks saving; referenced by the field's aria-describedby. */
export function FieldError(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  );
}

/** A titled page section that the navigation links to. */
export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}
