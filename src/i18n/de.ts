/** Every string a reader sees. Strings with values are functions so the grammar lives here. */
export const ui = {
  skipLink: 'Zum Inhalt springen',
  nav: {
    label: 'Hauptnavigation',
    blog: 'Blog',
    feed: 'RSS-Feed',
  },
  blog: {
    title: 'Unser Blog',
    readMore: 'Weiterlesen',
    /** Visually hidden tail of the "Weiterlesen" link, so it names its post. */
    readMoreHidden: (title: string) => `: ${title}`,
    published: 'erschienen am',
    by: 'von',
    pageTitle: (n: number) => `Unser Blog – Seite ${n}`,
    pageDescription: (n: number, total: number, cooperative: string) =>
      `Ältere Beiträge aus dem Blog der ${cooperative}, Seite ${n} von ${total}.`,
    empty: 'Noch keine Beiträge.',
  },
  pager: {
    label: 'Seitennavigation',
    newer: 'Neuere Beiträge',
    older: 'Ältere Beiträge',
    position: (n: number, total: number) => `Seite ${n} von ${total}`,
    page: (n: number) => `Seite ${n}`,
  },
  article: {
    navLabel: 'Weitere Beiträge',
    previous: 'Vorheriger Beitrag',
    next: 'Nächster Beitrag',
    overview: 'Zur Übersicht',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    description: 'Diese Seite gibt es hier nicht (mehr).',
    lead: 'Die Adresse, die Sie aufgerufen haben, gibt es auf diesem Blog nicht oder nicht mehr.',
    hint: 'Vielleicht hilft Ihnen einer dieser Wege weiter:',
    home: 'Zur Startseite mit den neuesten Beiträgen',
  },
  note: {
    defaultTitle: 'Hinweis',
  },
  footer: {
    feed: 'Beiträge per RSS abonnieren',
    copyright: (year: number, owner: string) => `© ${year} ${owner}`,
  },
  feed: {
    description: 'Neuigkeiten, Erfahrungsberichte und Technik aus der Hosting-Genossenschaft.',
    alternateTitle: (name: string) => `${name} (RSS)`,
  },
} as const;
