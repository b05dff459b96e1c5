/** The deep demo's settings form. Values go through ./settings.ts; refused input is named, not applied. */
import { useState } from 'preact/hooks';
import { DEEP_ACTIVATION_IDS, type HiddenActivationId } from '../../core/activations/types';
import { shortNameOf } from '../../core/activations/registry';
import { deepParam, parseDeepSettings, type DeepSettings } from './settings';
import { MAX_LAYERS, MIN_LAYERS } from '../../core/train/deep-types';
import { deepRefusalMessage, type DeepText } from './text';
import { TextNumberField } from '../../shared/TextNumberField';
import { fill } from '../../shared/format';

interface Props {
  t: DeepText;
  uid: string;
  settings: DeepSettings;
  disabled: boolean;
  onChange(patch: Partial<DeepSettings>): void;
}

type NumberKey = 'width' | 'lr' | 'epochs';

function NumberField({ t, uid, name, settings, disabled, onChange }: Props & { name: NumberKey }) {
  const accept = (value: string) => {
    const { settings: next, refused } = parseDeepSettings(new URLSearchParams([[deepParam(name), value]]), settings);
    if (refused[0]) return fill(t.inputRefused, { reason: deepRefusalMessage(t, refused[0]) });
    if (next[name] !== settings[name]) onChange({ [name]: next[name] });
    return null;
  };
  return (
    <TextNumberField
      id={`${uid}-${name}`}
      label={t[name]}
      value={String(settings[name])}
      decimal={name === 'lr'}
      disabled={disabled}
      block="deeplab"
      setting={deepParam(name)}
      accept={accept}
    />
  );
}

export function DeepControls(props: Props) {
  const { t, uid, settings, disabled, onChange } = props;
  const [noneChosen, setNoneChosen] = useState(false);
  const toggle = (id: HiddenActivationId, box: HTMLInputElement) => {
    // Keep the registry's order, so panels do not jump around as boxes are ticked.
    const next = DEEP_ACTIVATION_IDS.filter((a) => (a === id ? box.checked : settings.activations.includes(a)));
    if (next.length === 0) {
      box.checked = true; // the last one stays: Preact would not undo the browser's toggle by itself
      setNoneChosen(true);
      return;
    }
    setNoneChosen(false);
    onChange({ activations: next });
  };
  return (
    <fieldset class="deeplab__controls" disabled={disabled}>
      <legend class="sr-only">{t.settings}</legend>
      <div class="deeplab__field">
        <label for={`${uid}-layers`}>{t.layers}</label>
        <select
          id={`${uid}-layers`}
          data-setting={deepParam('layers')}
          value={String(settings.layers)}
          onChange={(e) => onChange({ layers: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {Array.from({ length: MAX_LAYERS - MIN_LAYERS + 1 }, (_, k) => MIN_LAYERS + k).map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <NumberField {...props} name="width" />
      <NumberField {...props} name="lr" />
      <NumberField {...props} name="epochs" />
      <fieldset class="deeplab__acts" aria-describedby={noneChosen ? `${uid}-none` : undefined}>
        <legend>{t.activations}</legend>
        {DEEP_ACTIVATION_IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              name={`${uid}-acts`}
              value={id}
              checked={settings.activations.includes(id)}
              onChange={(e) => toggle(id, e.currentTarget as HTMLInputElement)}
            />{' '}
            {shortNameOf(id)}
          </label>
        ))}
        {noneChosen && (
          <p class="deeplab__field-error" id={`${uid}-none`} role="alert">
            {t.noneChosen}
          </p>
        )}
      </fieldset>
    </fieldset>
  );
}
