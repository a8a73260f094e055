/**
 * Site-wide constants: the one place for the site URL, names, paging and time zone.
 * `SITE_URL` may override the URL for staging builds; everything else is edited here.
 */
export const site = {
  /** Absolute origin the site is served from; feeds and canonical links are built on it. */
  url: process.env['SITE_URL'] ?? 'https://www.hostsharing.net',
  /** Name shown in the header, in page titles and as the feed title. */
  name: 'Hostsharing Blog',
  /** The cooperative that publishes the blog. */
  cooperative: 'Hostsharing eG',
  /** Default meta description for pages without their own. */
  description:
    'Neuigkeiten, Erfahrungsberichte und Technik aus der Hosting-Genossenschaft Hostsharing eG.',
  /** Posts on each index page. */
  postsPerPage: 5,
  /**
   * Newest posts in each feed (site and topics), each with its full text. Feed readers poll for
   * what is new; with every post a full-text feed of 1,000 posts weighed 5.6 MB per poll.
   */
  feedItems: 20,
  /** Publication dates are calendar days in this zone, whatever zone the build machine uses. */
  timeZone: 'Europe/Berlin',
  /** `lang` of every page. */
  lang: 'de',
  /** `<language>` of the feeds. */
  feedLanguage: 'de-DE',
  /** `og:locale` of every page (Open Graph writes language_TERRITORY). */
  ogLocale: 'de_DE',
  /**
   * Facts for the Impressum (§ 5 DDG, § 18 Abs. 2 MStV) and the privacy policy (Art. 13 DSGVO).
   * Every value starting with "[Platzhalter" must be replaced with the cooperative's real data
   * before going live; the build warns while any is left. An empty string hides an optional line.
   */
  legal: {
    /** Full name including the legal form. */
    name: 'Hostsharing eG',
    /** Postal address for service of documents: no P.O. box. */
    address: {
      street: '[Platzhalter: Straße und Hausnummer]',
      postalCode: '[Platzhalter: PLZ]',
      city: '[Platzhalter: Ort]',
      country: 'Deutschland',
    },
    email: '[Platzhalter: E-Mail-Adresse für Anfragen]',
    phone: '[Platzhalter: Telefonnummer]',
    /** Members of the Vorstand, who represent the eG. */
    board: ['[Platzhalter: Vorstandsmitglied 1]', '[Platzhalter: Vorstandsmitglied 2]'],
    /** Chair of the Aufsichtsrat. */
    supervisoryBoardChair: '[Platzhalter: Vorsitz des Aufsichtsrats]',
    /** Court that keeps the Genossenschaftsregister, e. g. "Amtsgericht …". */
    registerCourt: '[Platzhalter: Registergericht]',
    /** Entry in the Genossenschaftsregister, e. g. "GnR …". */
    registerNumber: '[Platzhalter: Nummer im Genossenschaftsregister]',
    /** Umsatzsteuer-Identifikationsnummer; empty when the eG has none. */
    vatId: '[Platzhalter: USt-IdNr. oder leer lassen]',
    /** Auditing association (Prüfungsverband) the eG belongs to by § 54 GenG, with its address. */
    auditAssociation: '[Platzhalter: Name und Anschrift des Prüfungsverbands]',
    /** Person responsible for the editorial content (§ 18 Abs. 2 MStV), with address. */
    editorialResponsible: {
      name: '[Platzhalter: Name der verantwortlichen Person]',
      address: '[Platzhalter: Anschrift der verantwortlichen Person]',
    },
    privacy: {
      /** Contact of the data protection officer; empty when the eG has none. */
      dataProtectionOfficer: '[Platzhalter: Kontakt der/des Datenschutzbeauftragten oder leer lassen]',
      /** Who runs the web server that writes the access log. */
      hosting: '[Platzhalter: Betreiber des Webservers, z. B. die Genossenschaft selbst]',
      /** How long the web server keeps its access log. */
      logRetention: '[Platzhalter: Speicherdauer der Server-Logdateien, z. B. 7 Tage]',
      /** Supervisory authority for data protection responsible for the eG, with address. */
      supervisoryAuthority: '[Platzhalter: zuständige Datenschutz-Aufsichtsbehörde mit Anschrift]',
    },
  },
} as const;
