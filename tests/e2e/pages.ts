/**
 * Every kind of page the site has, each with one example URL. Every check that runs "on every
 * page kind" (axe, keyboard, privacy, stability, screenshots) reads this table, so a new kind of
 * page (`/thema/<slug>/`, `/themen/`, `/archiv/`, author pages, `/suche/`) is one more line here.
 */
export const pageKinds = [
  { name: 'home', path: '/' },
  { name: 'index-page-2', path: '/seite/2/' },
  // Has an image in its body, so image checks and lazy loading are covered.
  { name: 'article', path: '/blog/2022/manchmal-faellt-das-fruehstueck-aus/' },
  // Table of contents, code block, note box, related posts.
  { name: 'article-toc', path: '/blog/2022/von-otrs-3-nach-znuny-6-3/' },
  { name: 'topics', path: '/themen/' },
  { name: 'topic', path: '/thema/sicherheit/' },
  { name: 'archive', path: '/archiv/' },
  { name: 'author', path: '/autor/redaktion/' },
  { name: 'imprint', path: '/impressum/' },
  { name: 'privacy', path: '/datenschutz/' },
  { name: '404', path: '/gibt-es-nicht/', status: 404 },
  // The one page with a script; its results state is checked in search.test.ts.
  { name: 'search', path: '/suche/' },
] as const satisfies readonly PageKind[];

export interface PageKind {
  /** Short name for test titles and screenshot files. */
  name: string;
  /** Example URL path of this kind. */
  path: string;
  /** HTTP status the page is served with; 200 when absent. */
  status?: number;
}

/** Viewport widths every page kind is checked at: a phone and a desktop. */
export const widths = [390, 1280] as const;

/** Colour schemes every page kind is checked in. */
export const colorSchemes = ['light', 'dark'] as const;
export type ColorScheme = (typeof colorSchemes)[number];
