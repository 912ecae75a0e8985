import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SearchBox } from './components/SearchBox';
import { ArticlePage } from './pages/ArticlePage';
import { EntityPage } from './pages/EntityPage';
import { Home } from './pages/Home';
import { Trending } from './pages/Trending';
import { parseRoute, type Route } from './route';
import './styles.css';

const titles: Record<Route['page'], string> = {
  home: 'Latest articles',
  article: 'Article',
  entity: 'Entity',
  trending: 'Trending',
  'not-found': 'Not found',
};

function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  useEffect(() => {
    document.title = `${titles[route.page]} · Reading room`;
  }, [route.page]);
  // A new page moves focus to the top of main, as a page load would, so keyboard and screen-reader users start there.
  const key = JSON.stringify(route);
  const shown = useRef(0);
  useEffect(() => {
    // The first page is a real page load: the browser starts focus at the top already.
    if (shown.current++ === 0) return;
    document.getElementById('main')?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [key]);

  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="site">
        <a class="brand" href="#/">
          Reading room
        </a>
        <nav aria-label="Site">
          <a href="#/" aria-current={route.page === 'home' ? 'page' : undefined}>
            Latest
          </a>
          <a href="#/trending" aria-current={route.page === 'trending' ? 'page' : undefined}>
            Trending
          </a>
        </nav>
        <SearchBox />
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site">
        Read through the public API: <a href="openapi.json">openapi.json</a>
      </footer>
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <Home query={route.query} />;
    case 'article':
      return <ArticlePage key={route.id} id={route.id} />;
    case 'entity':
      return <EntityPage key={route.id} id={route.id} query={route.query} />;
    case 'trending':
      return <Trending query={route.query} />;
    default:
      return (
        <>
          <h1 tabIndex={-1}>Not found</h1>
          <p>
            Nothing lives at {route.path}. <a href="#/">Latest articles</a>
          </p>
        </>
      );
  }
}

render(<App />, document.getElementById('app')!);
