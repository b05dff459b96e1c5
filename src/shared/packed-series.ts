/**
 * A recorded [epoch, value] series as one string, for an island's props: Astro serializes props with a type tag
 * around every number (`[0,1.196]`), so 300 pairs take ~8 kB as an array and ~2 kB as a string. Lossless but for
 * the sign of a zero: numbers are written in JavaScript's shortest round-trip form, and an epoch is written only
 * where the series does not advance by its last step (consecutive epochs, or snapshots every n epochs, cost nothing).
 */

/** A recorded file may store a value that was not finite as null; it comes back as it went in. */
const value = (text: string): number => (text === 'null' ? (null as unknown as number) : Number(text));

/** Space-separated values; `epoch:value` where the epoch is not the previous one plus the last step (first step 1). */
export function packSeries(series: ReadonlyArray<readonly [number, number]>): string {
  let previous = 0;
  let step = 1;
  return series
    .map(([epoch, v]) => {
      const token = epoch === previous + step ? String(v) : `${epoch}:${v}`;
      if (epoch !== previous + step && epoch > previous) step = epoch - previous;
      previous = epoch;
      return token;
    })
    .join(' ');
}

export function unpackSeries(packed: string): Array<[number, number]> {
  if (packed === '') return [];
  let previous = 0;
  let step = 1;
  return packed.split(' ').map((token) => {
    const colon = token.indexOf(':');
    let epoch = previous + step;
    if (colon >= 0) {
      epoch = Number(token.slice(0, colon));
      if (epoch > previous) step = epoch - previous;
    }
    previous = epoch;
    return [epoch, value(colon < 0 ? token : token.slice(colon + 1))];
  });
}
