/**
 * A labelled text box for one numeric setting, used by the labs' settings forms. Typed text stays as typed until
 * the reader commits it (change event); `accept` validates it and applies it, or returns the localized reason it
 * was refused, which is shown under the box (linked by aria-describedby) while the old value stays in force.
 */
import { useState } from 'preact/hooks';

interface Props {
  id: string;
  label: string;
  /** The value in force, as text. */
  value: string;
  decimal: boolean;
  disabled: boolean;
  /** Class prefix of the lab's stylesheet: `${block}__field` and `${block}__field-error`. */
  block: string;
  /** data-setting hook (the URL key), for labs whose tests find fields by it. */
  setting?: string;
  /** Apply the text and return null, or return why it was refused. */
  accept(text: string): string | null;
}

export function TextNumberField({ id, label, value, decimal, disabled, block, setting, accept }: Props) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (typed: string) => {
    const refusal = accept(typed);
    setError(refusal);
    if (refusal === null) setText(null);
  };
  return (
    <div class={`${block}__field`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={decimal ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellcheck={false}
        maxLength={64}
        value={text ?? value}
        disabled={disabled}
        data-setting={setting}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => commit((e.currentTarget as HTMLInputElement).value)}
      />
      {error && (
        <p class={`${block}__field-error`} id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
