/**
 * One thumbnail button per activation (f, f′ and the vanishing-slope bands): a chooser that reads without JS.
 * The parent memoizes the element, so pointer moves over the main plot don't rebuild the thumbnails.
 */
import { HIDDEN_ACTIVATION_IDS, type ActivationParams, type HiddenActivationId } from '../../core/activations/types';
import { buildActivationPlot } from '../../plots/activationPlot';
import { ACTIVATIONS } from '../../core/activations/registry';
import type { Lang } from '../../i18n';
import type { Dictionary } from '../../i18n';
import { curveFor } from './curves';
import { PlotSvg } from '../../shared/PlotSvg';
import { fill } from '../../shared/format';

interface Props {
  lang: Lang;
  t: Dictionary['gallery'];
  params: ActivationParams;
  pressed: ReadonlySet<HiddenActivationId>;
  compare: boolean;
  onToggle: (id: HiddenActivationId) => void;
  /** Keeps SVG ids unique if the gallery appears twice on a page. */
  uid: string;
}

const THUMB = { width: 132, height: 78, xMax: 6 };

export function GalleryCards({ lang, t, params, pressed, compare, onToggle, uid }: Props) {
  return (
    <div class="ag-cards" role="group" aria-label={compare ? t.cardsCompareLabel : t.cardsLabel}>
      {HIDDEN_ACTIVATION_IDS.map((id) => {
        const scene = buildActivationPlot({
          curves: [curveFor(id, params)],
          xMax: THUMB.xMax,
          showDerivative: true,
          shadeVanishing: true,
          width: THUMB.width,
          height: THUMB.height,
          compact: true,
        });
        const name = ACTIVATIONS[id].name[lang];
        const idPrefix = `ag-thumb-${uid}-${id}`;
        // Named by its visible text (WCAG 2.5.3: the spoken name contains what is seen); the thumbnail's title,
        // which carries the full localized name, becomes the description.
        return (
          <button
            type="button"
            key={id}
            class="ag-card"
            aria-describedby={`${idPrefix}-title`}
            aria-pressed={pressed.has(id) ? 'true' : 'false'}
            data-card={id}
            onClick={() => onToggle(id)}
          >
            <PlotSvg
              scene={scene}
              variant="thumb"
              idPrefix={idPrefix}
              dataPlot={`thumb-${id}`}
              title={fill(t.plotLabel, { name, min: `−${THUMB.xMax}`, max: THUMB.xMax })}
              hidden
            />
            <span class="ag-card__name">{ACTIVATIONS[id].shortName ?? id}</span>
          </button>
        );
      })}
    </div>
  );
}
