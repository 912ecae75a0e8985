import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type EntityMatch } from '../api';
import { plural } from '../format';
import { entityHref } from '../route';
import { TypeChip } from './TypeChip';

/** Suggests entities as you type (GET /entities?prefix), as an ARIA combobox: arrows move, Enter opens, Escape closes. */
export function SearchBox() {
  const [text, setText] = useState('');
  const [items, setItems] = useState<EntityMatch[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const prefix = text.trim();
    window.clearTimeout(timer.current);
    // The API needs two letters or digits; fewer would only answer 400.
    if (prefix.replace(/[^\p{L}\p{N}]/gu, '').length < 2) {
      setItems([]);
      setOpen(false);
      setMessage('');
      return;
    }
    const controller = new AbortController();
    timer.current = window.setTimeout(() => {
      api.searchEntities(prefix, controller.signal).then(
        (page) => {
          setItems(page.items);
          setActive(-1);
          setOpen(true);
          setMessage(page.items.length ? plural(page.items.length, 'suggestion') : 'No matching names');
        },
        (error: Error) => {
          if (!controller.signal.aborted) setMessage(`Search failed: ${error.message}`);
        },
      );
    }, 120);
    return () => controller.abort();
  }, [text]);

  const go = (item: EntityMatch | undefined) => {
    if (!item) return;
    setOpen(false);
    setText('');
    location.hash = entityHref(item.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && items.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % items.length);
    } else if (event.key === 'ArrowUp' && items.length) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(items[active] ?? items[0]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && items.length > 0;
  return (
    <search class="search">
      <label for="entity-search">Find a person, place or organisation</label>
      <input
        id="entity-search"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="entity-suggestions"
        aria-activedescendant={expanded && active >= 0 ? `suggestion-${active}` : undefined}
        placeholder="e.g. zel"
        value={text}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <div id="entity-suggestions" role="listbox" aria-label="Suggestions" hidden={!expanded}>
        {items.map((item, index) => (
          <div
            key={item.id}
            tabIndex={-1}
            id={`suggestion-${index}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              go(item);
            }}
          >
            <TypeChip type={item.type} /> {item.name}{' '}
            <span class="muted">({plural(item.articleCount, 'article')})</span>
          </div>
        ))}
      </div>
      <p class="visually-hidden" aria-live="polite">
        {message}
      </p>
    </search>
  );
}
