/** The InitLab's form: kernel scheme and hidden-bias start (radio groups), activation, seed count, buttons. */
import { KERNEL_INITS, KERNEL_SHORT_NAMES, type KernelInit } from '../../core/train/init-schemes';
import { INIT_LAB_ACTIVATIONS, type FieldResult, type InitLabActivation } from './settings';

import { refusalText, type InitLabText } from './text';
import { fill } from '../../shared/format';

export type BiasChoice = '0' | '0.1' | 'other';

export interface ControlState {
  kernel: KernelInit;
  biasChoice: BiasChoice;
  biasOther: string;
  activation: InitLabActivation;
  seedsText: string;
}

interface Props {
  t: InitLabText;
  state: ControlState;
  onChange(next: Partial<ControlState>): void;
  activationNames: Record<InitLabActivation, string>;
  /** Formatted limits of each scheme for H = 2. */
  limits: Record<KernelInit, { w1: string; w2: string }>;
  bias: FieldResult<number>;
  seeds: FieldResult<number>;
  running: boolean;
  /** False until hydrated: without JavaScript the button cannot do anything, so it says so by being disabled. */
  ready: boolean;
  onMeasure(): void;
  onCancel(): void;
}

export function Controls({
  t,
  state,
  onChange,
  activationNames,
  limits,
  bias,
  seeds,
  running,
  ready,
  onMeasure,
  onCancel,
}: Props) {
  const invalid = !bias.ok || !seeds.ok;
  return (
    <div class="init-lab__controls">
      <fieldset disabled={running}>
        <legend>{t.kernel}</legend>
        {KERNEL_INITS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="init-kernel"
              value={KERNEL_SHORT_NAMES[k]}
              checked={state.kernel === k}
              onChange={() => onChange({ kernel: k })}
            />
            <span>
              {t.kernelNames[k]}
              <small class="init-lab__limits">
                {k === 'zeros' ? t.kernelZeros : fill(t.kernelLimits, { l1: limits[k].w1, l2: limits[k].w2 })}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>{t.bias}</legend>
        {(['0', '0.1', 'other'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="init-bias"
              value={choice}
              checked={state.biasChoice === choice}
              onChange={() => onChange({ biasChoice: choice })}
            />
            {choice === '0' ? t.biasZero : choice === '0.1' ? t.biasSmall : t.biasOther}
          </label>
        ))}
        <label class="init-lab__other">
          <span class="init-lab__visually-hidden">{t.biasValue}</span>
          <input
            type="text"
            name="init-bias-value"
            inputMode="decimal"
            size={6}
            value={state.biasOther}
            disabled={running || state.biasChoice !== 'other'}
            aria-invalid={!bias.ok}
            aria-describedby="init-lab-bias-hint"
            onInput={(e) => onChange({ biasOther: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <p id="init-lab-bias-hint" class={bias.ok ? 'init-lab__hint' : 'init-lab__error'}>
          {bias.ok ? t.biasHint : fill(t.inputRefused, { reason: refusalText(t, bias.refusal) })}
        </p>
      </fieldset>
      <div class="init-lab__fields">
        <label>
          {t.activation}
          <select
            name="init-activation"
            value={state.activation}
            disabled={running}
            onChange={(e) =>
              onChange({ activation: (e.currentTarget as HTMLSelectElement).value as InitLabActivation })
            }
          >
            {INIT_LAB_ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {activationNames[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.seeds}
          <input
            type="text"
            name="init-seeds"
            inputMode="numeric"
            size={6}
            value={state.seedsText}
            disabled={running}
            aria-invalid={!seeds.ok}
            aria-describedby="init-lab-seeds-hint"
            onInput={(e) => onChange({ seedsText: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <p id="init-lab-seeds-hint" class={seeds.ok ? 'init-lab__hint' : 'init-lab__error'}>
          {seeds.ok ? t.seedsHint : fill(t.inputRefused, { reason: refusalText(t, seeds.refusal) })}
        </p>
        <div class="init-lab__buttons">
          <button type="button" data-action="measure" onClick={onMeasure} disabled={!ready || running || invalid}>
            {t.measure}
          </button>
          <button type="button" data-action="cancel" onClick={onCancel} disabled={!running}>
            {t.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
