/**
 * The island kit: what every lab island needs besides its own state, written once.
 * - useHydrated: false in the server render and the first client render, true once interactive;
 * - useUrlSettings: the lab's settings in the address bar (read on mount, written back with replaceState,
 *   other demos' parameters kept);
 * - useFrameQueue: reports that arrive faster than frames are drawn once per frame;
 * - usePageLifetime: leaving the page (also into the back/forward cache) ends the lab's worker;
 * - useLazy: the runner (and so tfjs and the worker) is created on first use only;
 * - useAway / useAwayPause: a running lab pauses while the reader cannot see it (tab hidden, lab off-screen);
 * - prefersReducedMotion: the reader asked for less motion (frames are then drawn at most twice a second).
 * Element width is useWidth (./useWidth.ts); run states are RunStatus (src/core/train/types.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** A ref to an island's element (what `useRef<HTMLDivElement>(null)` returns). */
export interface ElementRef {
  readonly current: Element | null;
}

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** How one lab's settings live in the query string. */
export interface UrlBinding<S, R> {
  /** Every URL parameter the lab reads (its declaration's `readNames`). */
  keys: readonly string[];
  parse(search: string): { settings: S; refused: R[] };
  /** `query` with the lab's parameters set to `settings` (no leading `?`), every other one kept in its place. */
  write(settings: S, query: string): string;
}

/** True when the query names one of `keys`. */
export const ownsQuery = (search: string, keys: readonly string[]): boolean => {
  const params = new URLSearchParams(search);
  return keys.some((k) => params.has(k));
};

/**
 * The one address-bar policy of the site's labs. On mount (when `enabled`), a query naming any of the lab's keys is
 * parsed and handed to `onRead`; its refusals are returned. From then on, and from the reader's first change
 * (`touch`), the address carries the lab's settings in canonical form via replaceState (no history entries),
 * written through the lab's declaration: its parameters keep their places, other demos' parameters stay as they
 * are. A plain visit leaves the address alone.
 */
export function useUrlSettings<S, R>(
  binding: UrlBinding<S, R>,
  settings: S,
  options: { enabled: boolean; onRead(parsed: { settings: S; refused: R[] }): void },
): { refused: R[]; touch(): void; ready: boolean } {
  const [refused, setRefused] = useState<R[]>([]);
  const [ready, setReady] = useState(false);
  const dirty = useRef(false);
  useEffect(() => {
    if (options.enabled && ownsQuery(location.search, binding.keys)) {
      const parsed = binding.parse(location.search);
      dirty.current = true;
      setRefused(parsed.refused);
      options.onRead(parsed);
    }
    setReady(true);
  }, []);
  const query = binding.write(settings, '');
  useEffect(() => {
    if (!ready || !options.enabled || !dirty.current) return;
    const search = binding.write(settings, location.search);
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }, [query, ready]);
  return { refused, ready, touch: () => (dirty.current = true) };
}

/** True when the reader's system asks for reduced motion (false where there is no `matchMedia`, e.g. the server). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** With reduced motion, live plots jump between states this far apart instead of moving every frame. */
export const REDUCED_MOTION_FRAME_MS = 500;

/**
 * Items (snapshots, loss pairs) queued as they arrive and handed to `apply` together, at most once per animation
 * frame and no sooner than `minFrameMs` after the previous batch (`REDUCED_MOTION_FRAME_MS` when the reader asks for
 * reduced motion, if that is longer). `flush` applies what is queued now (a run that ended must show its last
 * state); `clear` drops it (a cancelled run's reports are stale).
 */
export function useFrameQueue<T>(apply: (batch: T[]) => void, minFrameMs = 0) {
  const queue = useRef<T[]>([]);
  const frame = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const minFrameRef = useRef(minFrameMs);
  minFrameRef.current = minFrameMs;
  const kit = useRef({
    cancel() {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    flush() {
      kit.current.cancel();
      const batch = queue.current;
      queue.current = [];
      last.current = performance.now();
      if (batch.length) applyRef.current(batch);
    },
    clear() {
      kit.current.cancel();
      queue.current = [];
    },
    push(item: T) {
      queue.current.push(item);
      if (frame.current || timer.current !== null) return;
      const draw = () => {
        timer.current = null;
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          kit.current.flush();
        });
      };
      const gap = prefersReducedMotion() ? Math.max(minFrameRef.current, REDUCED_MOTION_FRAME_MS) : minFrameRef.current;
      const wait = last.current + gap - performance.now();
      if (wait > 0) timer.current = setTimeout(draw, wait);
      else draw();
    },
  });
  useEffect(() => () => kit.current.clear(), []);
  return kit.current;
}

/**
 * True while the reader cannot see the element: the tab is hidden (`visibilitychange`) or the element lies wholly
 * outside the viewport (IntersectionObserver). True until the first observation, so nothing starts unseen.
 */
export function useAway(ref: ElementRef): boolean {
  const [away, setAway] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let hidden = document.visibilityState === 'hidden';
    // Without IntersectionObserver the element counts as in view, and only the tab's visibility matters.
    let offscreen = typeof IntersectionObserver === 'function';
    const update = () => setAway(hidden || offscreen);
    const onVisibility = () => {
      hidden = document.visibilityState === 'hidden';
      update();
    };
    document.addEventListener('visibilitychange', onVisibility);
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            const last = entries[entries.length - 1];
            if (!last) return;
            offscreen = !last.isIntersecting;
            update();
          })
        : null;
    observer?.observe(element);
    update();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      observer?.disconnect();
    };
  }, []);
  return away;
}

/**
 * Pauses a lab's run while the reader cannot see it (see useAway) and resumes it when they can again: `pause` runs
 * when the reader looks away while `running` (or when a run starts while they are away), and `resume` when they
 * look back, only for a run this hook paused — a run the reader paused stays paused. Returns whether they are away.
 *
 *   useAwayPause(rootRef, status === 'training', () => runner.current?.pause(), () => runner.current?.resume());
 */
export function useAwayPause(ref: ElementRef, running: boolean, pause: () => void, resume: () => void): boolean {
  const away = useAway(ref);
  const pausedByAway = useRef(false);
  const actions = useRef({ pause, resume });
  actions.current = { pause, resume };
  useEffect(() => {
    if (away && running) {
      pausedByAway.current = true;
      actions.current.pause();
    } else if (!away && pausedByAway.current) {
      pausedByAway.current = false;
      actions.current.resume();
    }
  }, [away, running]);
  return away;
}

/**
 * `leave` runs when the page is hidden for good or put into the back/forward cache (`pagehide`), and when the
 * island unmounts: the lab ends its worker there and shows its runs as stopped; a new worker starts on the next
 * run. (A merely hidden tab keeps the worker: useAwayPause pauses the run, and queued reports are drawn on return.)
 */
export function usePageLifetime(leave: () => void): void {
  const leaveRef = useRef(leave);
  leaveRef.current = leave;
  useEffect(() => {
    const onLeave = () => leaveRef.current();
    addEventListener('pagehide', onLeave);
    return () => {
      removeEventListener('pagehide', onLeave);
      onLeave();
    };
  }, []);
}

/**
 * A value made on first `get()` (a runner whose module, with tfjs and the worker, loads only then) and forgotten by
 * `dispose()`, which hands it to `end`. `current` is the value if it exists. A value still being made when
 * `dispose()` is called is ended as soon as it exists, and the next `get()` makes a new one.
 */
export function useLazy<T>(make: () => T | Promise<T>, end: (value: T) => void) {
  const state = useRef({ value: null as T | null, pending: null as Promise<T> | null, generation: 0 });
  const kit = useRef({
    get current(): T | null {
      return state.current.value;
    },
    get(): Promise<T> {
      const k = state.current;
      if (k.value) return Promise.resolve(k.value);
      const generation = k.generation;
      k.pending ??= Promise.resolve(make()).then((v) => {
        if (generation !== k.generation) {
          end(v);
          throw new Error('disposed');
        }
        k.value = v;
        k.pending = null;
        return v;
      });
      return k.pending;
    },
    dispose() {
      const k = state.current;
      if (k.value) end(k.value);
      k.value = null;
      k.pending = null;
      k.generation++;
    },
  });
  return kit.current;
}
