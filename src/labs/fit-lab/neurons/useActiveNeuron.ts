/**
 * The neuron the reader is pointing at or has focused, shared by every view of it in one Fit Lab (card, curve,
 * band, handle, formula term). Neurons are numbered as readers see them, from 1; null: none.
 */
import { useState } from 'preact/hooks';

export interface ActiveNeuron {
  active: number | null;
  set(k: number | null): void;
  /** Hover and focus on one element (a formula term, a handle). */
  hoverFocus(k: number): {
    onPointerEnter(): void;
    onPointerLeave(): void;
    onFocus(): void;
    onBlur(): void;
  };
  /** Hover on an element and focus anywhere inside it (a card with its buttons). */
  hoverWithin(k: number): {
    onPointerEnter(): void;
    onPointerLeave(): void;
    onFocusIn(): void;
    onFocusOut(e: FocusEvent): void;
  };
}

export function useActiveNeuron(): ActiveNeuron {
  const [active, setActive] = useState<number | null>(null);
  const enter = (k: number) => setActive(k);
  // Leaving one neuron's element clears only that neuron: another may have taken over meanwhile.
  const leave = (k: number) => setActive((a) => (a === k ? null : a));
  return {
    active,
    set: setActive,
    hoverFocus: (k) => ({
      onPointerEnter: () => enter(k),
      onPointerLeave: () => leave(k),
      onFocus: () => enter(k),
      onBlur: () => leave(k),
    }),
    hoverWithin: (k) => ({
      onPointerEnter: () => enter(k),
      onPointerLeave: () => leave(k),
      onFocusIn: () => enter(k),
      onFocusOut: (e: FocusEvent) => {
        const to = e.relatedTarget as Node | null;
        if (!to || !(e.currentTarget as Element).contains(to)) leave(k);
      },
    }),
  };
}
