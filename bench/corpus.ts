/**
 * Pure generator of realistic German MDX blog corpora for the build benchmark. Nothing here
 * touches the file system; `bench/write-corpus.ts` writes the result to disk.
 *
 * Post `i` depends only on the seed and `i`, never on the corpus size, so the corpus of 1,000
 * posts starts with the corpus of 100: sizes are comparable.
 */

/** A raster image a post shows, described as SVG; the writer renders it to PNG. */
export interface CorpusImage {
  /** Path relative to the corpus folder, with forward slashes. */
  path: string;
  width: number;
  height: number;
  svg: string;
}

/** One generated post. */
export interface CorpusPost {
  /** Path of the MDX file relative to the corpus folder, with forward slashes. */
  path: string;
  /** Publication day, `YYYY-MM-DD`. */
  day: string;
  /** The MDX source, frontmatter included. */
  source: string;
  /** Images beside the post (folder posts only). */
  images: CorpusImage[];
  hasTeaserMarker: boolean;
  hasNote: boolean;
  hasCode: boolean;
}

/** Bump when the generated text or images change, so cached corpora on disk are rewritten. */
export const CORPUS_VERSION = 2;

/** First and last publication day of generated posts: ten years, all in the past. */
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = 3653;

/** A small, fast, deterministic PRNG (mulberry32) returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, probability: number): boolean => random() < probability;

const TOPICS = [
  'Open Source', 'Datenschutz', 'Genossenschaft', 'Monitoring', 'Backups', 'Sicherheit',
  'Webmaster-Service', 'Rechenzentrum', 'E-Mail', 'Datenbanken', 'Nachhaltigkeit', 'Mitglieder',
  'Generalversammlung', 'Managed Server', 'TLS', 'Kubernetes', 'Nextcloud', 'Störungen',
  'Bereitschaftsdienst', 'Ausbildung', 'Energie', 'Recht', 'DNS', 'Migration', 'Veranstaltungen',
] as const;

const NOUNS = [
  'Genossenschaft', 'Serverlandschaft', 'Datensicherung', 'Mitgliederversammlung', 'Rechenzentrum',
  'Überwachung', 'Zertifikatsverwaltung', 'Datenbank', 'Mailserver', 'Hostmaster-Team',
  'Ausfallsicherheit', 'Verschlüsselung', 'Softwarepflege', 'Netzwerkstruktur', 'Größenplanung',
  'Störungsmeldung', 'Zugangsverwaltung', 'Speicherkapazität', 'Lastverteilung', 'Öffentlichkeitsarbeit',
] as const;

const ADJECTIVES = [
  'neue', 'bewährte', 'gemeinsame', 'sichere', 'schnelle', 'quelloffene', 'verlässliche',
  'größere', 'übersichtliche', 'nachhaltige', 'günstigere', 'ausführliche',
] as const;

const TITLE_PATTERNS: readonly ((noun: string, adjective: string, topic: string, year: number) => string)[] = [
  (noun, adjective) => `Die ${adjective} ${noun} im Überblick`,
  (noun, _, topic) => `${topic}: Was sich bei der ${noun} ändert`,
  (noun, _, _topic, year) => `${noun} ${year} – ein Rückblick`,
  (noun, adjective) => `Warum wir auf ${adjective} ${noun} setzen`,
  (noun) => `Fünf Fragen zur ${noun}`,
  (_, adjective, topic) => `${topic} für Mitglieder: ${adjective} Wege`,
  (noun) => `Grüße aus der ${noun}`,
  (noun, _, topic) => `So funktioniert die ${noun} (${topic})`,
];

const SENTENCES: readonly ((noun: string, adjective: string, topic: string) => string)[] = [
  (noun, adjective) => `Die ${adjective} ${noun} ist für viele Mitglieder ein wichtiger Baustein ihres täglichen Betriebs.`,
  (noun) => `Seit einigen Monaten beschäftigt sich das Team intensiv mit der ${noun} und ihren Folgen für den Alltag.`,
  (_, _adjective, topic) => `Beim Thema ${topic} zeigt sich, wie viel gemeinsame Verantwortung in einer Genossenschaft steckt.`,
  (noun) => `Wer die ${noun} plant, sollte früh mit allen Beteiligten sprechen und Abläufe sorgfältig dokumentieren.`,
  () => `Größere Änderungen kündigen wir rechtzeitig an, damit sich niemand über Nacht umstellen muss.`,
  (noun, adjective) => `Eine ${adjective} Lösung entsteht selten auf einen Schlag; meist wächst die ${noun} Schritt für Schritt.`,
  () => `Die Erfahrungen der letzten Jahre fließen direkt in unsere Empfehlungen ein.`,
  (_, _adjective, topic) => `Fragen zu ${topic} beantwortet der Service gern – telefonisch, per E-Mail oder im Forum.`,
  (noun) => `Für die ${noun} gilt dasselbe wie für jedes andere System: Pflege ist keine einmalige Aufgabe.`,
  () => `Transparenz schafft Vertrauen – gerade dort, wo Kundinnen und Kunden zugleich Eigentümer sind.`,
  (noun) => `Ohne eine gut eingerichtete ${noun} würden viele kleine Störungen erst spät auffallen.`,
  () => `Das spart Zeit, schont die Nerven und macht den Betrieb berechenbarer.`,
  (_, adjective) => `Im Ergebnis steht eine ${adjective} Infrastruktur, auf die sich alle verlassen können.`,
  () => `Übrigens: Auch kleine Verbesserungen summieren sich über die Jahre zu einem spürbaren Unterschied.`,
];

const LINKS = [
  ['das Archiv aller Beiträge', '/archiv/'],
  ['die Dokumentation', 'https://doc.hostsharing.net/'],
  ['den Artikel in der Wikipedia', 'https://de.wikipedia.org/wiki/Genossenschaft'],
  ['das Forum', 'https://forum.hostsharing.net/'],
  ['die Übersicht der Angebote', '/'],
] as const;

const LIST_ITEMS = [
  'Sicherungen regelmäßig prüfen und die Wiederherstellung üben',
  'Zugänge mit starken Passwörtern und zweitem Faktor schützen',
  'Updates in ruhigen Zeiten einspielen und vorher testen',
  'Zuständigkeiten im Team klar verteilen',
  'Störungen dokumentieren und gemeinsam auswerten',
  'Mitglieder frühzeitig informieren, wenn sich etwas ändert',
  'Ressourcen beobachten, bevor sie knapp werden',
  'Nicht mehr genutzte Dienste abschalten',
  '**Wichtig:** Änderungen immer erst auf einer Kopie ausprobieren',
  'Rückfragen an `service@example.org` richten',
] as const;

const CODE_BLOCKS = [
  ['bash', 'ssh xyz00-web@h01.hostsharing.net\ncd ~/doms/example.org/htdocs-ssl\ngit pull --ff-only\nsystemctl --user restart app.service'],
  ['yaml', 'backup:\n  schedule: "0 3 * * *"\n  keep:\n    daily: 7\n    weekly: 4\n    monthly: 12\n  target: /srv/backup/'],
  ['ts', "export async function checkHost(url: string): Promise<boolean> {\n  const response = await fetch(url, { method: 'HEAD' });\n  return response.ok;\n}"],
  ['json', '{\n  "name": "monitoring",\n  "interval": 60,\n  "retries": 3,\n  "notify": ["sms", "mail"]\n}'],
  ['ini', '[mysqld]\nmax_connections = 200\ninnodb_buffer_pool_size = 2G\nslow_query_log = 1'],
] as const;

/** Turns a German title into an ASCII file name: umlauts and ß transliterated, the rest hyphenated. */
export function fileSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `YYYY-MM-DD` of the day `offset` days after 2015-01-01. */
export function dayAt(offset: number): string {
  return new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A chart-like SVG (bars, a curve and a grid), similar to the screenshots and diagrams posts show. */
export function chartSvg(random: Random, width: number, height: number): string {
  const hue = between(random, 0, 359);
  const bars: string[] = [];
  const barCount = between(random, 6, 14);
  const barWidth = width / (barCount * 1.5);
  for (let i = 0; i < barCount; i++) {
    const barHeight = Math.round(height * (0.15 + random() * 0.6));
    const x = Math.round(barWidth * 0.5 + i * barWidth * 1.5);
    bars.push(
      `<rect x="${x}" y="${height - barHeight}" width="${Math.round(barWidth)}" height="${barHeight}" fill="hsl(${(hue + i * 9) % 360} 60% 55%)"/>`,
    );
  }
  const points: string[] = [];
  for (let x = 0; x <= width; x += Math.max(4, Math.round(width / 120))) {
    points.push(`${x},${Math.round(height * (0.3 + 0.25 * Math.sin(x / 37 + hue) + 0.1 * random()))}`);
  }
  const grid: string[] = [];
  for (let y = 0; y < height; y += Math.round(height / 8)) {
    grid.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#ccd" stroke-width="1"/>`);
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="hsl(${hue} 30% 97%)"/>`,
    ...grid,
    ...bars,
    `<polyline points="${points.join(' ')}" fill="none" stroke="hsl(${(hue + 180) % 360} 70% 35%)" stroke-width="4"/>`,
    '</svg>',
  ].join('');
}

/** Seed of post `index`: independent of the corpus size, different for each seed. */
const postSeed = (seed: number, index: number): number => Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);

function paragraph(random: Random, noun: string, adjective: string, topic: string, withLink: boolean): string {
  const sentences = Array.from({ length: between(random, 2, 5) }, () => pick(random, SENTENCES)(noun, adjective, topic));
  if (withLink) {
    const [text, href] = pick(random, LINKS);
    sentences.push(`Mehr dazu steht in [${text}](${href}).`);
  }
  if (chance(random, 0.3)) sentences[0] = `**${sentences[0]!.slice(0, -1)}**.`;
  if (chance(random, 0.2)) sentences.push(`Das gilt *ausdrücklich* auch für die ${noun}.`);
  return sentences.join(' ');
}

/** How a corpus is made. */
export interface CorpusOptions {
  /** Seed of the random choices; the same seed gives the same corpus. */
  seed?: number;
  /** Author ids (file names in `content/authors/`) posts may name; none: posts name no author. */
  authors?: readonly string[];
}

/**
 * Post number `index` (0-based) of a corpus. About a tenth are folder posts with one or two PNG
 * images, most have a teaser marker, about a third a `<Note>` box and about half a code block.
 */
export function generatePost(index: number, { seed = 1, authors = [] }: CorpusOptions = {}): CorpusPost {
  const random = createRandom(postSeed(seed, index));
  const noun = pick(random, NOUNS);
  const adjective = pick(random, ADJECTIVES);
  const topic = pick(random, TOPICS);
  const offset = between(random, 0, DAYS - 1);
  const day = dayAt(offset);
  const title = pick(random, TITLE_PATTERNS)(noun, adjective, topic, Number(day.slice(0, 4)));
  const slug = `${fileSlug(title)}-${index + 1}`;
  const isFolder = chance(random, 0.1);
  const hasTeaserMarker = chance(random, 0.85);
  const hasNote = chance(random, 0.33);
  const hasCode = chance(random, 0.5);

  const tags = new Set<string>([topic]);
  const tagCount = between(random, 0, 2);
  for (let i = 0; i < tagCount; i++) tags.add(pick(random, TOPICS));

  // Both numbers are drawn whatever `authors` holds, so the rest of the post does not depend on it.
  const [authorChance, authorChoice] = [random(), random()];
  const author = authorChance < 0.7 ? authors[Math.floor(authorChoice * authors.length)] : undefined;

  const frontmatter = [
    '---',
    `title: "${title}"`,
    `date: ${day}`,
    ...(author === undefined ? [] : [`author: "${author}"`]),
    ...(chance(random, 0.9) ? [`tags: [${[...tags].map((tag) => `"${tag}"`).join(', ')}]`] : []),
    ...(chance(random, 0.3) ? [`description: "Worum es geht: die ${adjective} ${noun} und was sie für Mitglieder bedeutet."`] : []),
    '---',
  ];

  const body: string[] = [];
  const teaserParagraphs = between(random, 1, 2);
  for (let i = 0; i < teaserParagraphs; i++) body.push(paragraph(random, noun, adjective, topic, i === 0 && chance(random, 0.5)));
  if (hasTeaserMarker) body.push('{/* more */}');

  const images: CorpusImage[] = [];
  const imageCount = isFolder ? between(random, 1, 2) : 0;
  const sectionCount = between(random, 2, 4);
  // Spread the special blocks over the sections.
  const noteSection = hasNote ? between(random, 0, sectionCount - 1) : -1;
  const codeSection = hasCode ? between(random, 0, sectionCount - 1) : -1;
  for (let section = 0; section < sectionCount; section++) {
    body.push(`## ${pick(random, ['Ausgangslage', 'Was sich ändert', 'Erfahrungen aus dem Betrieb', 'So gehen wir vor', 'Ausblick', 'Häufige Fragen', 'Kosten und Nutzen', 'Der nächste Schritt'])}`);
    body.push(paragraph(random, noun, adjective, topic, chance(random, 0.4)));
    if (chance(random, 0.5)) {
      const ordered = chance(random, 0.3);
      const items = Array.from({ length: between(random, 3, 5) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${pick(random, LIST_ITEMS)}`);
      body.push(items.join('\n'));
    }
    if (section === codeSection) {
      const [language, code] = pick(random, CODE_BLOCKS);
      body.push(`Ein Beispiel aus der Praxis:\n\n\`\`\`${language}\n${code}\n\`\`\``);
    }
    if (section < imageCount) {
      const width = pick(random, [960, 1200, 1600]);
      const height = Math.round((width * 9) / 16);
      const name = `diagramm-${section + 1}.png`;
      images.push({ path: `${slug}/${name}`, width, height, svg: chartSvg(random, width, height) });
      body.push(`![Diagramm ${section + 1}: Verlauf der ${noun} über mehrere Monate, als Balken und Kurve](./${name})`);
    }
    if (section === noteSection) {
      body.push(`<Note title="Gut zu wissen">\n\n${paragraph(random, noun, adjective, topic, false)}\n\n</Note>`);
    }
    if (chance(random, 0.3)) {
      body.push(`### ${pick(random, ['Im Detail', 'Ein Beispiel', 'Zum Weiterlesen'])}`);
      body.push(paragraph(random, noun, adjective, topic, chance(random, 0.3)));
    }
    if (chance(random, 0.15)) body.push(`> ${pick(random, SENTENCES)(noun, adjective, topic)}`);
  }

  return {
    path: isFolder ? `${slug}/index.mdx` : `${slug}.mdx`,
    day,
    source: `${frontmatter.join('\n')}\n\n${body.join('\n\n')}\n`,
    images,
    hasTeaserMarker,
    hasNote,
    hasCode,
  };
}

/** The first `count` posts of a corpus. */
export function generateCorpus(count: number, options: CorpusOptions = {}): CorpusPost[] {
  return Array.from({ length: count }, (_, index) => generatePost(index, options));
}

/** The post an editor most likely changes: the newest one (it is on the index page and in the feed). */
export function newestPost(posts: readonly CorpusPost[]): CorpusPost {
  const newest = posts.reduce<CorpusPost | undefined>(
    (best, post) => (best === undefined || post.day > best.day ? post : best),
    undefined,
  );
  if (!newest) throw new Error('An empty corpus has no newest post.');
  return newest;
}

/** `source` with an addendum paragraph appended: a small edit after the teaser, distinct per `revision`. */
export const editedSource = (source: string, revision: number): string =>
  `${source}\nNachtrag ${revision}: Wir haben diesen Beitrag um einen Hinweis ergänzt.\n`;
