/**
 * The note under a figure's title: "static figure" until the island hydrates, then a line saying it is live.
 * Both sentences sit in the same grid cell and only visibility flips, so the box keeps its height on hydration
 * (no layout shift), whichever sentence wraps to more lines.
 */
import './status-note.css';

interface Props {
  ready: boolean;
  staticNote: string;
  liveNote: string;
  /** The island's hint class (`ag-hint` or `sm-hint`), for the small grey type. */
  className: string;
}

export function StatusNote({ ready, staticNote, liveNote, className }: Props) {
  return (
    <p class={`${className} fig-status`} data-status-note={ready ? 'live' : 'static'}>
      <span class="fig-status__static" data-static-note="">
        {staticNote}
      </span>
      <span class="fig-status__live">{liveNote}</span>
    </p>
  );
}
