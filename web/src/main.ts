// The page's entry: a small router over the History API. Same-origin links are followed without
// a reload; each page returns a cleanup that runs when the learner leaves it.
import { h, replace } from './dom';
import { catalogPage } from './pages/catalog-page';
import { labPage } from './pages/lab-page';
import { session } from './store/session';
import { renderAccountNav } from './account/account-nav';
import { signInPage, signUpPage } from './account/auth-pages';
import { accountPage } from './account/account-page';
import { adminPage } from './account/admin-page';
import { endpointLogPage, webhooksPage } from './webhooks/webhooks-page';
import { joinPage } from './cohorts/join-page';
import { cohortsPage } from './cohorts/cohorts-page';
import { dashboardPage } from './cohorts/dashboard-page';
import { bookPage } from './pages/book-page';

type Cleanup = () => void;

let cleanup: Cleanup = () => undefined;
let generation = 0;

async function render(): Promise<void> {
  cleanup();
  cleanup = () => undefined;
  const mine = ++generation;
  // Each navigation renders into an element of its own: an older page still loading writes into
  // one that is no longer on the screen, never over the newer page.
  const main = h('div', { class: 'page' }, h('p', { class: 'loading' }, 'Loading…'));
  replace(document.getElementById('main') as HTMLElement, main);
  // Every API call needs a session: the account's, or a guest identity made on the first visit.
  const me = await session();
  const path = window.location.pathname;
  const lab = /^\/labs\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  const join = /^\/join\/([A-Za-z0-9]+)\/?$/.exec(path);
  const cohort = /^\/cohorts\/([0-9a-f-]{36})\/?$/.exec(path);
  const endpoint = /^\/admin\/webhooks\/([0-9a-f-]{36})\/?$/.exec(path);
  let next: Cleanup;
  if (path === '/' || path === '') next = await catalogPage(main);
  else if (path === '/playground' || path === '/playground/') next = await labPage(main, 'playground', rerender);
  else if (lab) next = await labPage(main, lab[1], rerender);
  else if (path === '/sign-in') next = signInPage(main);
  else if (path === '/sign-up') next = signUpPage(main);
  else if (path === '/account') next = await accountPage(main, me);
  else if (path === '/admin') next = await adminPage(main, me);
  else if (path === '/admin/webhooks' || path === '/admin/webhooks/') next = await webhooksPage(main, me);
  else if (endpoint) next = await endpointLogPage(main, endpoint[1], me);
  else if (join) next = await joinPage(main, join[1], me);
  else if (path === '/cohorts' || path === '/cohorts/') next = await cohortsPage(main, me);
  else if (cohort) next = await dashboardPage(main, cohort[1], me);
  else if (path === '/book') next = bookPage(main);
  else {
    document.title = 'Not found · asynclab';
    replace(main, h('h1', null, 'Page not found'), h('p', null, h('a', { href: '/' }, 'See all labs')));
    next = () => undefined;
  }
  markCurrentNav(path);
  // A newer navigation started while this page loaded: it owns the screen now.
  if (mine !== generation) {
    next();
    return;
  }
  cleanup = next;
}

/** The site navigation says which of its pages is open (aria-current), not by colour alone. */
function markCurrentNav(path: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-header nav a')) {
    const target = new URL(link.href).pathname;
    const current = target === '/' ? path === '/' || path.startsWith('/labs/') : path.startsWith(target);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function rerender(): void {
  void session().then(renderAccountNav);
  void render();
}

function navigate(url: URL): void {
  window.history.pushState({}, '', url.pathname + url.search + url.hash);
  void render().then(() => {
    // Move focus to the new content, as a full page load would, and start at its top.
    const main = document.getElementById('main');
    main?.focus();
    window.scrollTo(0, 0);
  });
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // The target may be a text node or the document itself, which have no closest().
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === window.location.pathname && url.hash) return; // in-page anchor (skip link)
  event.preventDefault();
  navigate(url);
});

window.addEventListener('popstate', () => void render());
void session().then(renderAccountNav);
void render();
