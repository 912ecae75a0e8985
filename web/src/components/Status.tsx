import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-api';

/** Loading and error states, announced to screen readers; the children render once the data is there. */
export function Status<T>({
  state,
  what,
  children,
}: {
  state: Loaded<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (state.error)
    return (
      <p class="error" role="alert">
        Could not load {what}: {state.error.message}
      </p>
    );
  if (state.loading || state.data === undefined)
    return (
      <p class="muted" aria-live="polite">
        Loading {what}…
      </p>
    );
  return <>{children(state.data)}</>;
}
