import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll } from 'vitest';
import { checkContent, checkPosts, type PostFile } from '#lib/checks/content.ts';
import type { ContentSnapshot } from '#lib/content/source.ts';
import { ROOT, TMP } from '../../build/helpers.ts';
import { site } from '#src/site.ts';
import { formatProblem } from '#lib/checks/problem.ts';

const GOOD: PostFile = {
  file: 'content/blog/gut.mdx',
  id: 'gut',
  source: '---\ntitle: "Gut"\ndate: 2022-01-10\nauthor: redaktion\ntags: ["Open Source"]\n---\n\nAlles in Ordnung.\n',
};

const context = {
  authorIds: new Set(['redaktion']),
  publicFiles: ['/favicon.svg'],
  fileExists: (file: string) => ['content/blog/mit-bild/cover.png', 'content/blog/mit-bild/foto.png'].includes(file),
  now: new Date('2026-11-27T12:00:00Z'),
};

const post = (id: string, frontmatter: string, body = 'Text.\n'): PostFile => ({
  file: `content/blog/${id}.mdx`,
  id,
  source: `---\n${frontmatter}\n---\n\n${body}`,
});

const run = (...posts: PostFile[]) => checkPosts([GOOD, ...posts], context).map(formatProblem);

describe('checkPosts: one line per problem, with file, line, field and expectation', () => {
  it.each([
    ['a clean post', post('ok', 'title: "Ok"\ndate: 2022-02-01'), []],
    ['missing title', post('a', 'date: 2022-02-01'), ['content/blog/a.mdx: title: fehlt; erwartet wird ein Titel als Text']],
    ['empty title', post('a', 'title: "  "\ndate: 2022-02-01'), ['content/blog/a.mdx:2: title: ist leer; erwartet wird ein Titel als Text']],
    ['impossible day', post('a', 'title: "A"\ndate: 2022-02-30'), ['content/blog/a.mdx:3: date: „2022-02-30“ ist kein gültiger Tag; erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12']],
    ['day with time', post('a', 'title: "A"\ndate: 2022-02-03T10:00'), [expect.stringMatching(/^content\/blog\/a\.mdx:3: date: „2022-02-03T10:00“ ist kein gültiger Tag/)]],
    ['unknown author', post('a', 'title: "A"\ndate: 2022-02-01\nauthor: niemand'), ['content/blog/a.mdx:4: author: unbekannte Person „niemand“; erwartet wird eine Kennung aus content/authors/ (redaktion)']],
    ['misspelt field', post('a', 'title: "A"\ndatum: 2022-02-01\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:3: datum: unbekanntes Feld; erlaubt sind title, date/)]],
    ['unquoted colon in the title', post('a', 'title: Neu: Tarife\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:2: Kopfbereich: ein Doppelpunkt im Wert: .*in Anführungszeichen, z\. B\. title: "Neu: Tarife ab Januar"$/)]],
    ['list without its closing bracket, at the line of the list', post('a', 'title: "A"\ntags: ["Sicherheit", "Technik"\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:3: Kopfbereich: die Liste wird nicht geschlossen; erwartet wird eine schließende eckige Klammer/)]],
    ['quote not closed, at the line it opens', post('a', 'title: "A\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:2: Kopfbereich: ein Anführungszeichen wird nicht geschlossen/)]],
    ['quotes inside quotes', post('a', 'title: "Er sagte "Hallo""\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:2: Kopfbereich: Anführungszeichen im Wert beenden ihn zu früh; erwartet werden innen „deutsche“/)]],
    ['a tab as indentation', post('a', 'title: "A"\n\tdate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:3: Kopfbereich: ein Tabulator rückt die Zeile ein/)]],
    ['a field twice', post('a', 'title: "A"\ntitle: "B"\ndate: 2022-02-01'), ['content/blog/a.mdx:3: Kopfbereich: dieses Feld steht zweimal da; erwartet wird jedes Feld nur einmal']],
    ['no space after the colon', post('a', 'title:"A"\ndate: 2022-02-01'), [expect.stringMatching(/^content\/blog\/a\.mdx:2: Kopfbereich: nach dem Doppelpunkt fehlt ein Leerzeichen/)]],
    ['no frontmatter', { file: 'content/blog/a.mdx', id: 'a', source: 'Nur Text.\n' }, ['content/blog/a.mdx:1: Kopfbereich fehlt; erwartet wird ein Block zwischen zwei Zeilen „---“ mit title und date']],
    ['two teaser markers', post('a', 'title: "A"\ndate: 2022-02-01', 'Eins.\n\n{/* more */}\n\nZwei.\n\n{/* more */}\n'), [expect.stringMatching(/^content\/blog\/a\.mdx:12: mehr als eine Teaser-Markierung/)]],
    ['image without alt text', post('mit-bild/index', 'title: "A"\ndate: 2022-02-01', '![](./foto.png)\n'), [expect.stringMatching(/^content\/blog\/mit-bild\/index\.mdx:6: Bild \.\/foto\.png hat keinen Alternativtext/)]],
    ['missing image file', post('a', 'title: "A"\ndate: 2022-02-01', '![Foto](./weg.png)\n'), ['content/blog/a.mdx:6: Bilddatei ./weg.png nicht gefunden; erwartet wird eine Datei neben dem Beitrag']],
    ['cover without alt', post('mit-bild/index', 'title: "A"\ndate: 2022-02-01\nimage:\n  src: ./cover.png'), [expect.stringMatching(/^content\/blog\/mit-bild\/index\.mdx:4: image\.alt: fehlt; erwartet wird ein Alternativtext/)]],
    ['missing cover file', post('a', 'title: "A"\ndate: 2022-02-01\nimage:\n  src: ./weg.png\n  alt: "Foto"'), ['content/blog/a.mdx:5: image.src: Bilddatei ./weg.png nicht gefunden; erwartet wird eine Datei neben dem Beitrag']],
    ['MDX syntax error', post('a', 'title: "A"\ndate: 2022-02-01', 'Zeile.\n\nEin <Kasten und {offen\n'), [expect.stringMatching(/^content\/blog\/a\.mdx:8: MDX-Syntaxfehler: /)]],
    ['link to a missing page', post('a', 'title: "A"\ndate: 2022-02-01', '[weg](/blog/2019/weg/)\n'), [expect.stringMatching(/^content\/blog\/a\.mdx:6: Link auf \/blog\/2019\/weg\/: diese Seite gibt es nicht/)]],
    ['link to a draft', post('a', 'title: "A"\ndate: 2022-02-01', '[Entwurf](/blog/2022/entwurf/)\n'), ['content/blog/a.mdx:6: Link auf /blog/2022/entwurf/: der Beitrag ist ein Entwurf (draft: true) und nicht veröffentlicht; erwartet wird ein Link auf eine veröffentlichte Seite']],
    ['link to an existing post', post('a', 'title: "A"\ndate: 2022-02-01', '[gut](/blog/2022/gut/) und [RSS](/rss.xml)\n'), []],
    ['updated before date', post('a', 'title: "A"\ndate: 2022-02-01\nupdated: 2022-01-31'), ['content/blog/a.mdx:4: updated: liegt vor dem Erscheinungstag (date); erwartet wird ein Tag am oder nach date']],
    ['an unknown component', post('a', 'title: "A"\ndate: 2022-02-01', '<Hinweis>Achtung</Hinweis>\n'), ['content/blog/a.mdx:6: unbekannte Komponente <Hinweis>; erwartet wird eine dieser: <Note>']],
    ['topic spelt differently', post('a', 'title: "A"\ndate: 2022-02-01\ntags: ["open source"]'), ['content/blog/a.mdx:4: Warnung: tags: Thema „open source“ unterscheidet sich nur in der Schreibweise von „Open Source“; erwartet wird dieselbe Schreibweise']],
    ['a # in an unquoted title', post('a', 'title: Ausgabe #3 der Mitgliederinfo\ndate: 2022-02-01'), ['content/blog/a.mdx:2: title: alles ab # gilt in YAML als Kommentar und fehlt im Text („Ausgabe“); erwartet wird der ganze Text in Anführungszeichen, z. B. title: "Ausgabe #3"']],
    ['a # in a quoted title', post('a', 'title: "Ausgabe #3"\ndate: 2022-02-01'), []],
    ['the sample text of npm run new', post('a', 'title: "A"\ndate: 2022-02-01', 'Der Teaser: ein oder zwei Absätze, die auf der Übersichtsseite stehen.\n'), [expect.stringMatching(/^content\/blog\/a\.mdx:6: der Beispieltext von npm run new steht noch da/)]],
    ['the sample text in a draft', post('a', 'title: "A"\ndate: 2022-02-01\ndraft: true', 'Hier beginnt der Rest des Beitrags.\n'), []],
    ['an empty body', post('a', 'title: "A"\ndate: 2022-02-01', '{/* more */}\n'), ['content/blog/a.mdx: der Beitrag hat keinen Text; erwartet wird mindestens ein Absatz unter dem Kopfbereich']],
    ['updated in the future', post('a', 'title: "A"\ndate: 2022-02-01\nupdated: 2030-01-01'), ['content/blog/a.mdx:4: updated: der 01.01.2030 liegt in der Zukunft; erwartet wird der Tag der Überarbeitung, spätestens heute']],
    ['a cover image from public/', post('a', 'title: "A"\ndate: 2022-02-01\nimage:\n  src: /favicon.svg\n  alt: "Logo"'), ['content/blog/a.mdx:5: image.src: das Titelbild /favicon.svg muss neben dem Beitrag liegen, nicht in public/; erwartet wird z. B. src: ./favicon.svg mit der Datei im Ordner des Beitrags']],
    ['a frontmatter block never closed', { file: 'content/blog/a.mdx', id: 'a', source: '---\ntitle: "A"\ndate: 2022-02-01\n\nText\n' }, ['content/blog/a.mdx:1: Kopfbereich wird nicht geschlossen; erwartet wird nach den Feldern eine Zeile, in der nur „---“ steht']],
    ['a blank line above the frontmatter', { file: 'content/blog/a.mdx', id: 'a', source: '\n---\ntitle: "A"\ndate: 2022-02-01\n---\n\nText\n' }, [expect.stringMatching(/^content\/blog\/a\.mdx:1: vor dem Kopfbereich steht etwas/)]],
    ['same slug in the same year', post('gruesse/index', 'title: "B"\ndate: 2022-05-01'), []],
  ])('%s', (_, broken, expected) => {
    const extra = _ === 'link to a draft' ? [post('entwurf', 'title: "E"\ndate: 2022-01-01\ndraft: true')] : [];
    expect(run(broken, ...extra)).toEqual(expected);
  });

  it('reports two posts at one URL in both files', () => {
    expect(run(post('grüße', 'title: "G"\ndate: 2022-02-01'), post('gruesse', 'title: "G2"\ndate: 2022-03-01'))).toEqual([
      'content/blog/gruesse.mdx: gleiche Adresse /blog/2022/gruesse/ wie content/blog/grüße.mdx; erwartet wird ein eigener Dateiname (oder ein anderes Jahr)',
      'content/blog/grüße.mdx: gleiche Adresse /blog/2022/gruesse/ wie content/blog/gruesse.mdx; erwartet wird ein eigener Dateiname (oder ein anderes Jahr)',
    ]);
  });
});

describe('checkContent: stray files and every image a post shows, in one run', () => {
  mkdirSync(TMP, { recursive: true });
  const cacheDir = mkdtempSync(join(TMP, 'unit-check-content-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('names each broken image at the line that shows it, with the other problems', async () => {
    const good = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#fff' } }).png().toBuffer();
    const files = new Map<string, Buffer>([
      ['content/blog/mit-bild/cover.png', Buffer.alloc(0)],
      ['content/blog/mit-bild/foto.png', good.subarray(0, 20)],
      ['content/blog/mit-bild/gut.png', good],
    ]);
    const snapshot: ContentSnapshot = {
      posts: [
        GOOD,
        post(
          'mit-bild/index',
          'title: "Bilder"\ndate: 2022-02-01\nimage:\n  src: ./cover.png\n  alt: "Titelbild"',
          '![Foto](./foto.png)\n\n![Gut](./gut.png)\n\n![Noch einmal](./foto.png)\n',
        ),
      ],
      fileProblems: [{ file: 'content/blog/neu.md', message: 'wird nicht veröffentlicht', severity: 'error' }],
      authors: [],
      committed: [],
      context: { ...context, fileExists: (file) => files.has(file) },
      legal: { file: 'content/site/legal.yaml', source: readFileSync(join(ROOT, 'tests/fixtures/legal-filled.yaml'), 'utf8') },
      readBytes: async (file) => files.get(file)!,
    };
    expect((await checkContent(snapshot, context.now, cacheDir)).map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/blog\/mit-bild\/index\.mdx:5: image\.src: Bild \.\/cover\.png ist leer \(0 Byte\)/),
      expect.stringMatching(/^content\/blog\/mit-bild\/index\.mdx:9: Bild \.\/foto\.png: lässt sich nicht lesen/),
      expect.stringMatching(/^content\/blog\/mit-bild\/index\.mdx:13: Bild \.\/foto\.png: lässt sich nicht lesen/),
      'content/blog/neu.md: wird nicht veröffentlicht',
    ]);
  });
});

describe('checkContent: the legal data', () => {
  const snapshot = (source: string | undefined): ContentSnapshot => ({
    posts: [GOOD],
    authors: [],
    fileProblems: [],
    committed: [],
    context,
    legal: { file: 'content/site/legal.yaml', source },
    readBytes: async () => Buffer.alloc(0),
  });
  const filled = readFileSync(join(ROOT, 'tests/fixtures/legal-filled.yaml'), 'utf8');

  it.each([
    ['filled in', filled, []],
    ['missing', undefined, ['content/site/legal.yaml: fehlt; erwartet werden die Angaben für Impressum und Datenschutzerklärung (Vorlage im Repository)']],
    ['with a wrong field', filled.replace('city: "Hamburg"', 'city: ""'), ['content/site/legal.yaml:5: address.city: ist leer; erwartet wird der Ort']],
    ['with a placeholder', filled.replace('"GnR 0000"', '"[Platzhalter]"'), [expect.stringMatching(/^content\/site\/legal\.yaml: Warnung: 1 Angabe\(n\) .*\(registerNumber\)/)]],
  ])('%s', async (_, source, expected) => {
    expect((await checkContent(snapshot(source), context.now, TMP)).map(formatProblem)).toEqual(expected);
  });
});

describe('checkPosts: links are judged as the deploy judges the built site', () => {
  const scheduled = post('geplant', 'title: "Geplant"\ndate: 2027-03-01');
  const renamed = post('neuer-name', 'title: "Neu"\ndate: 2022-03-01\naliases: ["/blog/2022/alter-name/"]');
  const linking = (body: string, frontmatter = 'title: "L"\ndate: 2022-04-01') => run(post('link', frontmatter, body), scheduled, renamed);

  it.each([
    ['a relative link to another post', '[mehr](../neuer-name/)', ['content/blog/link.mdx:6: Link auf ../neuer-name/: relative Adressen führen in der Übersicht, im Artikel und im Feed an verschiedene Stellen; erwartet wird die Adresse ab dem ersten Schrägstrich, z. B. /blog/2022/neuer-name/']],
    ['a relative link to a file', '[Flyer](./flyer.pdf)', [expect.stringMatching(/^content\/blog\/link\.mdx:6: Link auf \.\/flyer\.pdf: relative Adressen .* z\. B\. \/blog\/2022\/titel-des-beitrags\/$/)]],
    ['a link to a post\'s file', '[mehr](./neuer-name.mdx)', ['content/blog/link.mdx:6: Link auf ./neuer-name.mdx: Links führen auf die Adresse eines Beitrags, nicht auf seine Datei; erwartet wird /blog/2022/neuer-name/']],
    ['an absolute link to a post\'s folder file', '[mehr](/content/blog/neuer-name/index.mdx)', ['content/blog/link.mdx:6: Link auf /content/blog/neuer-name/index.mdx: Links führen auf die Adresse eines Beitrags, nicht auf seine Datei; erwartet wird /blog/2022/neuer-name/']],
    ['a misspelt address on our own site', `[mehr](${new URL('/blog/2022/neuer-nam/', site.url).href})`, [expect.stringMatching(/^content\/blog\/link\.mdx:6: Link auf https?:\/\/[^ ]+\/blog\/2022\/neuer-nam\/: diese Seite gibt es nicht/)]],
    ['a correct address on our own site', `[mehr](${new URL('/blog/2022/neuer-name/', site.url).href})`, []],
    ['our own site over http and without www', `[a](${new URL('/blog/2022/neuer-nam/', site.url).href.replace('https://', 'http://').replace('://www.', '://')})`, [expect.stringMatching(/: Link auf http:\/\/[^ ]+\/blog\/2022\/neuer-nam\/: diese Seite gibt es nicht/)]],
    ['a wrong year', '[mehr](/blog/2021/neuer-name/)', ['content/blog/link.mdx:6: Link auf /blog/2021/neuer-name/: diese Seite gibt es nicht; gemeint ist wohl /blog/2022/neuer-name/ (Jahr und Dateiname bilden die Adresse)']],
    ['a relative link with the wrong depth', '[mehr](../../2022/x/../neuer-name/)', [expect.stringMatching(/relative Adressen .* z\. B\. \/blog\/2022\/neuer-name\/$/)]],
    ['a file missing from public/', '[Flyer](/downloads/flyer.pdf)', ['content/blog/link.mdx:6: Link auf /downloads/flyer.pdf: diese Datei gibt es nicht; erwartet wird eine Datei in public/ (public/downloads/flyer.pdf für den Link /downloads/flyer.pdf), Dateien zum Herunterladen z. B. in public/downloads/']],
    ['a link to an old address, which redirects', '[alt](/blog/2022/alter-name/)', ['content/blog/link.mdx:6: Warnung: Link auf /blog/2022/alter-name/: das ist eine alte Adresse, die weiterleitet; erwartet wird die neue Adresse /blog/2022/neuer-name/']],
    ['a link to a scheduled post', '[bald](/blog/2027/geplant/)', ['content/blog/link.mdx:6: Link auf /blog/2027/geplant/: der Beitrag ist für den 01.03.2027 geplant und bis dahin nicht erreichbar; erwartet wird ein Link auf eine veröffentlichte Seite (oder dieser Beitrag erscheint frühestens am selben Tag)']],
    ['anchors, mail and other sites', '[oben](#oben) [Mail](mailto:info@example.org) [x](https://example.org/a/)', []],
  ])('%s', (_, body, expected) => {
    expect(linking(body)).toEqual(expected);
  });

  it('lets a scheduled post link to one that appears before it', () => {
    expect(linking('[bald](/blog/2027/geplant/)', 'title: "L"\ndate: 2027-03-02')).toEqual([]);
  });
});

describe('checkContent: published addresses that a change would break', () => {
  const filled = readFileSync(join(ROOT, 'tests/fixtures/legal-filled.yaml'), 'utf8');
  const published = post('alter-name', 'title: "Umzug"\ndate: 2022-03-01');
  const check = async (posts: PostFile[], committed: PostFile[] = [published]) =>
    (
      await checkContent(
        { posts: [GOOD, ...posts], authors: [], fileProblems: [], committed: [GOOD, ...committed], context, legal: { file: 'l.yaml', source: filled }, readBytes: async () => Buffer.alloc(0) },
        context.now,
        TMP,
      )
    ).map(formatProblem);

  it.each([
    ['nothing changed', [published], []],
    ['a renamed file without aliases', [post('neuer-name', 'title: "Umzug"\ndate: 2022-03-01')], ['content/blog/neuer-name.mdx:2: aliases: die Adresse ändert sich von /blog/2022/alter-name/ zu /blog/2022/neuer-name/ (neuer Dateiname oder neues Jahr); erwartet wird die alte Adresse unter aliases, damit Links darauf weiterführen: aliases: ["/blog/2022/alter-name/"]']],
    ['a renamed file with its old address in aliases', [post('neuer-name', 'title: "Umzug"\ndate: 2022-03-01\naliases: ["/blog/2022/alter-name/"]')], []],
    ['a new year of the same file', [post('alter-name', 'title: "Umzug"\ndate: 2023-01-05')], [expect.stringMatching(/^content\/blog\/alter-name\.mdx:2: aliases: die Adresse ändert sich von \/blog\/2022\/alter-name\/ zu \/blog\/2023\/alter-name\//)]],
    ['a renamed file with a new title too, found by nothing: the old file is named', [post('neu', 'title: "Ganz neu"\ndate: 2022-03-01')], ['content/blog/alter-name.mdx: Warnung: der veröffentlichte Beitrag /blog/2022/alter-name/ ist gelöscht; Links auf ihn führen dann ins Leere – wurde er umbenannt, erwartet wird /blog/2022/alter-name/ unter aliases im neuen Beitrag']],
    ['a published post made a draft again', [post('alter-name', 'title: "Umzug"\ndate: 2022-03-01\ndraft: true')], ['content/blog/alter-name.mdx:4: Warnung: draft: der veröffentlichte Beitrag /blog/2022/alter-name/ wird wieder zum Entwurf und verschwindet von der Website; erwartet wird draft: false, wenn er online bleiben soll']],
  ])('%s', async (_, posts, expected) => {
    expect(await check(posts)).toEqual(expected);
  });

  it('says nothing about a post that was never public: a draft or a scheduled one', async () => {
    const draft = post('alter-name', 'title: "Umzug"\ndate: 2022-03-01\ndraft: true');
    const scheduled = post('alter-name', 'title: "Umzug"\ndate: 2030-03-01');
    expect(await check([post('neuer-name', 'title: "Umzug"\ndate: 2022-03-01')], [draft])).toEqual([]);
    expect(await check([post('neuer-name', 'title: "Umzug"\ndate: 2030-03-01')], [scheduled])).toEqual([]);
  });
});

describe('checkContent: author files, with the line of each problem', () => {
  const filled = readFileSync(join(ROOT, 'tests/fixtures/legal-filled.yaml'), 'utf8');
  const author = (id: string, source: string): PostFile => ({ file: `content/authors/${id}.yaml`, id, source });
  const check = async (...authors: PostFile[]) =>
    (
      await checkContent(
        { posts: [GOOD], authors, fileProblems: [], committed: [], context, legal: { file: 'l.yaml', source: filled }, readBytes: async () => Buffer.alloc(0) },
        context.now,
        TMP,
      )
    ).map(formatProblem);

  it.each([
    ['a good author', author('redaktion', 'name: "Redaktion"\nbio: "Beiträge aus dem Team."\n'), []],
    ['an unquoted colon in the bio', author('max', 'name: Max\nbio: Redakteur seit 2020: schreibt über Technik.\n'), [expect.stringMatching(/^content\/authors\/max\.yaml:2: ein Doppelpunkt im Wert/)]],
    ['an unknown field', author('max', 'name: "Max"\nbio: "Text"\nemail: "max@example.org"\n'), ['content/authors/max.yaml:3: email: unbekanntes Feld (email); erwartet werden name, bio und (freiwillig) photo']],
    ['no bio', author('max', 'name: "Max"\n'), ['content/authors/max.yaml: bio: fehlt; erwartet wird eine kurze Beschreibung der Person']],
    ['a missing photo', author('max', 'name: "Max"\nbio: "Text"\nphoto: ./max.jpg\n'), ['content/authors/max.yaml:3: photo: Bilddatei ./max.jpg nicht gefunden; erwartet wird ein Foto neben content/authors/max.yaml']],
  ])('%s', async (_, file, expected) => {
    expect(await check(file)).toEqual(expected);
  });
});
