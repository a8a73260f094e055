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
    updated: 'aktualisiert am',
    by: 'von',
    topicsLabel: 'Themen:',
    draft: 'Entwurf',
    scheduled: 'Geplant',
    previewHint: 'nur in der Vorschau sichtbar',
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
  author: {
    title: (name: string) => `Beiträge von ${name}`,
    description: (name: string, count: number) =>
      `${count === 1 ? 'Ein Beitrag' : `${count} Beiträge`} von ${name} im Blog.`,
    count: (count: number) => (count === 1 ? '1 Beitrag' : `${count} Beiträge`),
  },
  redirect: {
    title: 'Dieser Beitrag ist umgezogen',
    text: 'Sie werden weitergeleitet. Falls nicht, folgen Sie diesem Link:',
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
    legalLabel: 'Rechtliches',
  },
  legal: {
    imprint: {
      title: 'Impressum',
      description: (cooperative: string) => `Anbieterkennzeichnung der ${cooperative}: Anschrift, Vorstand, Register und Kontakt.`,
    },
    privacy: {
      title: 'Datenschutzerklärung',
      description: (cooperative: string) =>
        `Welche Daten beim Besuch des Blogs der ${cooperative} anfallen: keine Cookies, kein Tracking, nur Server-Logdateien.`,
    },
  },
  feed: {
    description: 'Neuigkeiten, Erfahrungsberichte und Technik aus der Hosting-Genossenschaft.',
    alternateTitle: (name: string) => `${name} (RSS)`,
  },
} as const;
