import { typeLabel } from '../format';

/** The entity type as a coloured label, the same colour as its mentions in an article body. */
export function TypeChip({ type }: { type: string }) {
  return <span class={`chip type-${type.toLowerCase()}`}>{typeLabel[type] ?? type}</span>;
}
