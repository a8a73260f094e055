/**
 * "1 Beitrag", "3 Beiträge": German counts of posts, in one place. `one` is the singular form
 * to use instead ("Ein Beitrag" at the start of a sentence).
 */
export const postCount = (count: number, one = '1 Beitrag'): string => (count === 1 ? one : `${count} Beiträge`);

/** Every string a reader sees. Strings with values are functions so the grammar lives here. */
export const ui = {
  skipLink: 'Zum Inhalt springen',
  nav: {
    label: 'Hauptnavigation',
    blog: 'Blog',
    topics: 'Themen',
    archive: 'Archiv',
    feed: 'RSS-Feed',
    search: 'Suche',
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
    readingTime: (minutes: number) => `${minutes} Min. Lesezeit`,
    draft: 'Entwurf',
    scheduled: 'Geplant',
    previewHint: 'nur in der Vorschau sichtbar',
    /** The preview's box for posts that the content check rejects (npm run dev only). */
    previewProblemsTitle: (count: number) =>
      count === 1 ? 'Ein Fehler in den Beiträgen – betroffene Beiträge fehlen in der Vorschau' : `${count} Fehler in den Beiträgen – betroffene Beiträge fehlen in der Vorschau`,
    previewProblemsHint: 'Dieselben Meldungen zeigt npm run check. Nach dem Speichern der korrigierten Datei diese Seite neu laden.',
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
  topics: {
    title: 'Themen',
    description: 'Alle Themen des Blogs mit der Zahl ihrer Beiträge.',
    lead: 'Alle Themen, über die wir schreiben:',
    count: (count: number) => postCount(count),
    topicTitle: (name: string) => `Thema: ${name}`,
    topicPageTitle: (name: string, n: number) => `Thema: ${name} – Seite ${n}`,
    topicDescription: (name: string, count: number) =>
      `${postCount(count, 'Ein Beitrag')} zum Thema ${name}.`,
    feed: (name: string) => `Beiträge zum Thema ${name} per RSS`,
    label: 'Themen dieses Beitrags',
    all: 'Alle Themen',
  },
  archive: {
    title: 'Archiv',
    description: 'Alle Beiträge des Blogs nach Jahr und Monat.',
    lead: (count: number) => (count === 1 ? 'Ein Beitrag, nach Monaten geordnet.' : `Alle ${postCount(count)}, nach Monaten geordnet.`),
    yearCount: (count: number) => postCount(count),
  },
  toc: {
    title: 'Inhalt',
  },
  related: {
    title: 'Passende Beiträge',
  },
  search: {
    title: 'Suche',
    description: 'Alle Beiträge des Blogs nach Stichworten durchsuchen.',
    lead: 'Durchsuchen Sie alle Beiträge des Blogs.',
    label: 'Suchbegriff',
    submit: 'Suchen',
    noScript:
      'Die Suche braucht JavaScript, das in Ihrem Browser ausgeschaltet ist. Alle Beiträge finden Sie auch ohne Suche: auf der Startseite, im Archiv und nach Themen geordnet.',
    browseTitle: 'Beiträge ohne Suche finden',
    browseHome: 'Startseite mit den neuesten Beiträgen',
    browseArchive: 'Archiv: alle Beiträge nach Datum',
    browseTopics: 'Themen: Beiträge nach Schlagworten',
    resultsLabel: 'Suchergebnisse',
    /**
     * Used by the search script in the browser, so plain strings (JSON) with placeholders that
     * src/lib/site/search.ts fills in: `{count}` (number of hits) and `{query}` (the search term).
     */
    messages: {
      none: 'Keine Treffer für „{query}“. Versuchen Sie einen anderen oder kürzeren Begriff.',
      one: '1 Treffer für „{query}“',
      many: '{count} Treffer für „{query}“',
      error: 'Die Suche konnte nicht geladen werden. Bitte versuchen Sie es später noch einmal.',
      published: 'erschienen am',
      more: 'Weitere Treffer anzeigen',
    },
  },
  author: {
    title: (name: string) => `Beiträge von ${name}`,
    description: (name: string, count: number) =>
      `${postCount(count, 'Ein Beitrag')} von ${name} im Blog.`,
    count: (count: number) => postCount(count),
  },
  seo: {
    /** Alternative text of an article's generated social image (og:image). */
    cardAlt: (title: string, date: string) => `Vorschaubild des Beitrags „${title}“ vom ${date}`,
    /** Alternative text of the site's social image. */
    siteImageAlt: (name: string) => `Vorschaubild: ${name}`,
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
    search: 'Den Blog durchsuchen',
    archive: 'Alle Beiträge im Archiv, nach Monaten geordnet',
    topics: 'Beiträge nach Themen',
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
  /** The web editor at /admin/ (Decap CMS): labels and help texts of its forms. */
  editor: {
    pageTitle: 'Redaktion',
    noscript: 'Der Redaktionsbereich braucht JavaScript. Beiträge lassen sich auch ohne ihn schreiben: siehe content/README.md im Repository.',
    collection: {
      label: 'Beiträge',
      singular: 'Beitrag',
      description: 'Neue Beiträge entstehen als Ordner: index.mdx und die Bilder daneben.',
    },
    fields: {
      title: { label: 'Titel', hint: 'Die Überschrift des Beitrags; aus ihr entsteht auch der Dateiname.' },
      date: { label: 'Erscheinungstag', hint: 'Ein Tag in der Zukunft plant den Beitrag ein: er erscheint an diesem Tag mit dem nächsten Bau der Website.' },
      updated: { label: 'Zuletzt überarbeitet', hint: 'Nur nach einer inhaltlichen Änderung; der Beitrag bleibt an seinem Platz in der Liste.' },
      author: { label: 'Autor oder Autorin', hint: 'Personen stehen in content/authors/; ohne Angabe erscheint der Beitrag ohne Namen.' },
      tags: { label: 'Themen', hint: 'Ein oder mehrere Themen; jedes hat eine eigene Seite und einen eigenen Feed.' },
      description: { label: 'Kurzbeschreibung', hint: 'Ein, zwei Sätze für Suchmaschinen, Feeds und Vorschauen in sozialen Netzen; ohne Angabe der Anfang des Textes.' },
      image: { label: 'Titelbild', hint: 'Erscheint über dem Beitrag und als Vorschaubild.' },
      imageSrc: { label: 'Bilddatei', hint: 'JPEG, PNG, WebP oder AVIF, höchstens 25 MB.' },
      imageAlt: { label: 'Alternativtext', hint: 'Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen. Pflicht.' },
      aliases: { label: 'Alte Adressen', hint: 'Frühere Pfade wie /2019/05/alter-beitrag.html, die weiter auf diesen Beitrag führen sollen.' },
      alias: { label: 'Alte Adresse' },
      draft: { label: 'Entwurf', hint: 'Ein Entwurf erscheint nirgends auf der Website, nur in der Vorschau.' },
      body: { label: 'Text', hint: 'Der Teil vor der Teaser-Markierung erscheint auf der Startseite, danach folgt „Weiterlesen“.' },
    },
    components: {
      note: { label: 'Hinweiskasten', title: 'Überschrift (ohne Angabe: „Hinweis“)', body: 'Inhalt' },
      teaser: { label: 'Teaser-Ende (Weiterlesen)' },
      image: { label: 'Bild', file: 'Bilddatei', alt: 'Alternativtext' },
    },
    readOnly: {
      title: 'Nur lesen: dieser Text nutzt MDX, das der Editor nicht erhalten kann',
      /** What a body contains that the editor's rich text cannot keep, by MDX node type. */
      constructs: {
        table: 'eine Tabelle',
        html: 'HTML',
        delete: 'durchgestrichener Text',
        footnoteReference: 'eine Fußnote',
        footnoteDefinition: 'eine Fußnote',
        definition: 'ein Verweis-Link ([Text][Name])',
        linkReference: 'ein Verweis-Link ([Text][Name])',
        imageReference: 'ein Verweis-Bild',
        mdxJsxTextElement: 'eine Komponente im Fließtext',
        mdxJsxFlowElement: 'eine Komponente außer <Note>',
        mdxTextExpression: 'ein Ausdruck in geschweiften Klammern',
        mdxFlowExpression: 'ein Ausdruck in geschweiften Klammern',
        mdxjsEsm: 'import oder export',
        math: 'eine Formel',
        indented: 'eine eingerückte Zeile (vier Leerzeichen oder Tabulator)',
        thematicBreak: 'eine Trennlinie (---)',
        yaml: 'ein zweiter Kopfbereich',
        unparsable: 'ein MDX-Fehler',
        other: 'MDX-Elemente, die der Editor nicht kennt',
      },
      explain: (what: string) => `Enthalten ist ${what}. Damit nichts verloren geht, bleibt der Text hier unverändert; bitte in einem Texteditor bearbeiten (siehe content/README.md). Die Felder oben lassen sich weiter ändern.`,
    },
    knownTopics: (topics: readonly string[]) => `Bisherige Themen: ${topics.join(', ')}.`,
    checkFailed: 'Der Beitrag wurde nicht gespeichert, weil die Prüfung Fehler fand:',
    closeProblems: 'Meldungen schließen',
    problemsLabel: 'Fehler beim Speichern',
  },
  feed: {
    description: 'Neuigkeiten, Erfahrungsberichte und Technik aus der Hosting-Genossenschaft.',
    alternateTitle: (name: string) => `${name} (RSS)`,
    atomTitle: (name: string) => `${name} (Atom)`,
    jsonTitle: (name: string) => `${name} (JSON Feed)`,
    topicTitle: (siteName: string, topic: string) => `${siteName}: ${topic}`,
    topicDescription: (topic: string) => `Neue Beiträge zum Thema ${topic}.`,
  },
} as const;
