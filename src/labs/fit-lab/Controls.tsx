/** The Fit Lab's settings form. Every value is validated by its declaration (core/settings/fit-lab.ts); refused input is named, not applied. */
import { useState } from 'preact/hooks';
import { HIDDEN_ACTIVATION_IDS } from '../../core/activations/types';
import { ACTIVATIONS } from '../../core/activations/registry';
import {
  EXPR_PREFIX,
  isTargetPresetId,
  MAX_EXPRESSION_LENGTH,
  TARGET_PRESET_IDS,
  compileTarget,
} from '../../core/data/targets';
import {
  FIT_LAB_MAX_HIDDEN,
  parseSettings,
  SPEEDS,
  trainingXs,
  type FitLabSettings,
} from '../../core/settings/fit-lab';
import type { Dictionary, Lang } from '../../i18n';
import { expressionMessage, refusalMessage } from './text';
import { TextNumberField } from '../../shared/TextNumberField';
import { fill } from '../../shared/format';

interface Props {
  t: Dictionary['fitLab'];
  lang: Lang;
  uid: string;
  settings: FitLabSettings;
  disabled: boolean;
  /** Settings a challenge fixes: their fields stay disabled. */
  locked?: readonly string[];
  onChange(patch: Partial<FitLabSettings>): void;
}

type NumberKey = 'lr' | 'epochs' | 'batch' | 'seed' | 'noise' | 'holdout';

function NumberField({
  t,
  uid,
  name,
  label,
  settings,
  disabled,
  locked,
  onChange,
}: Props & { name: NumberKey; label: string }) {
  const accept = (value: string) => {
    const { settings: next, refused } = parseSettings(new URLSearchParams([[name, value]]), settings);
    if (refused[0]) return fill(t.inputRefused, { reason: refusalMessage(t, refused[0]) });
    if (next[name] !== settings[name]) onChange({ [name]: next[name] });
    return null;
  };
  return (
    <TextNumberField
      id={`${uid}-${name}`}
      label={label}
      value={String(settings[name])}
      decimal={name === 'lr' || name === 'noise' || name === 'holdout'}
      disabled={disabled || locked?.includes(name) === true}
      block="lab"
      accept={accept}
    />
  );
}

export function Controls(props: Props) {
  const { t, lang, uid, settings, disabled, locked = [], onChange } = props;
  const isCustom = !isTargetPresetId(settings.target);
  const [customOpen, setCustomOpen] = useState(isCustom);
  const [expr, setExpr] = useState(isCustom ? settings.target.slice(EXPR_PREFIX.length) : 'sin(x) + x^2/10');
  const [exprError, setExprError] = useState<string | null>(null);
  const specs = ACTIVATIONS[settings.activation].params;

  const applyExpr = () => {
    const compiled = compileTarget(EXPR_PREFIX + expr, trainingXs());
    if (!compiled.ok) {
      setExprError(expressionMessage(t, compiled.error));
      return;
    }
    setExprError(null);
    onChange({ target: compiled.target.spec });
  };

  return (
    <fieldset class="fitlab__controls" disabled={disabled}>
      <legend class="sr-only">{t.settings}</legend>
      <div class="lab__field">
        <label for={`${uid}-activation`}>{t.activation}</label>
        <select
          id={`${uid}-activation`}
          value={settings.activation}
          disabled={locked.includes('activation')}
          onChange={(e) =>
            onChange({
              activation: (e.currentTarget as HTMLSelectElement).value as FitLabSettings['activation'],
              activationParams: {},
            })
          }
        >
          {HIDDEN_ACTIVATION_IDS.map((id) => (
            <option value={id} key={id}>
              {ACTIVATIONS[id].name[lang]}
            </option>
          ))}
        </select>
      </div>
      <div class="lab__field">
        <label for={`${uid}-hidden`}>{t.hidden}</label>
        <select
          id={`${uid}-hidden`}
          value={String(settings.hidden)}
          disabled={locked.includes('hidden')}
          onChange={(e) => onChange({ hidden: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {Array.from({ length: FIT_LAB_MAX_HIDDEN }, (_, k) => (
            <option value={String(k + 1)} key={k}>
              {k + 1}
            </option>
          ))}
        </select>
      </div>
      <NumberField {...props} name="lr" label={t.lr} />
      <NumberField {...props} name="epochs" label={t.epochs} />
      <NumberField {...props} name="batch" label={t.batch} />
      <NumberField {...props} name="seed" label={t.seed} />
      <NumberField {...props} name="noise" label={t.noise} />
      <NumberField {...props} name="holdout" label={t.holdout} />
      {specs.map((spec) => (
        <div class="lab__field" key={spec.name}>
          <label for={`${uid}-${spec.name}`}>{t[spec.name]}</label>
          <input
            id={`${uid}-${spec.name}`}
            type="range"
            min={spec.min}
            max={spec.max}
            step={spec.step}
            disabled={locked.includes(spec.name)}
            value={settings.activationParams[spec.name] ?? spec.default}
            onChange={(e) =>
              onChange({
                activationParams: {
                  ...settings.activationParams,
                  [spec.name]: Number((e.currentTarget as HTMLInputElement).value),
                },
              })
            }
          />
          <output for={`${uid}-${spec.name}`}>{settings.activationParams[spec.name] ?? spec.default}</output>
        </div>
      ))}
      <div class="lab__field">
        <label for={`${uid}-target`}>{t.target}</label>
        <select
          id={`${uid}-target`}
          disabled={locked.includes('target')}
          value={isCustom || customOpen ? 'custom' : settings.target}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            if (v === 'custom') setCustomOpen(true);
            else {
              setCustomOpen(false);
              onChange({ target: v });
            }
          }}
        >
          {TARGET_PRESET_IDS.map((id) => (
            <option value={id} key={id}>
              {t.targets[id]}
            </option>
          ))}
          <option value="custom">{t.targets.custom}</option>
        </select>
      </div>
      <div class="lab__field">
        <label for={`${uid}-speed`}>{t.speed}</label>
        <select
          id={`${uid}-speed`}
          value={settings.speed}
          onChange={(e) => onChange({ speed: (e.currentTarget as HTMLSelectElement).value as FitLabSettings['speed'] })}
        >
          {SPEEDS.map((s) => (
            <option value={s} key={s}>
              {t.speeds[s]}
            </option>
          ))}
        </select>
      </div>
      {(customOpen || isCustom) && !locked.includes('target') && (
        <div class="lab__field lab__field--wide">
          <label for={`${uid}-expr`}>{t.customTarget}</label>
          <div class="fitlab__inline">
            <input
              id={`${uid}-expr`}
              type="text"
              autoComplete="off"
              spellcheck={false}
              maxLength={MAX_EXPRESSION_LENGTH + 50}
              value={expr}
              aria-invalid={exprError ? 'true' : undefined}
              aria-describedby={`${uid}-expr-hint${exprError ? ` ${uid}-expr-error` : ''}`}
              onInput={(e) => setExpr((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyExpr();
                }
              }}
            />
            <button type="button" class="lab__button lab__button--small" onClick={applyExpr}>
              {t.applyTarget}
            </button>
          </div>
          <p class="lab__hint" id={`${uid}-expr-hint`}>
            {t.customTargetHint}
          </p>
          {exprError && (
            <p class="lab__field-error" id={`${uid}-expr-error`} role="alert">
              {exprError}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
