/** Cursor paging: "Newer" goes back to the first page (cursors only go forward), "Older" follows nextCursor. */
export function Pager({ label, first, next }: { label: string; first?: string; next?: string }) {
  if (!first && !next) return null;
  return (
    <nav class="pager" aria-label={label}>
      {first && <a href={first}>← Newest</a>}
      {next && (
        <a href={next} rel="next">
          Older →
        </a>
      )}
    </nav>
  );
}
