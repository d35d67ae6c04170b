// Hash routes (#/events/…): every path without a hash belongs to the JSON API, so the pages live behind the hash.
import { useEffect, useState } from 'preact/hooks';

export function currentRoute() {
  const [path, query = ''] = (location.hash.slice(1) || '/').split('?');
  return { path: path || '/', query: new URLSearchParams(query) };
}

export function useRoute() {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const changed = () => setRoute(currentRoute());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function go(path) {
  location.hash = path;
}

/** The first route whose pattern matches: '/events/:id' gives { id }. */
export function match(routes, path) {
  for (const [pattern, view] of routes) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}$`);
    const found = regex.exec(path);
    if (found) return { view, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}
