import { describe, expect, it } from 'vitest';
import { checkPosts } from '#lib/checks/content.ts';
import { formProblems, formatFormProblems } from '#lib/cms/form-check.ts';
import { writePostFile, type PostFileData } from '#lib/cms/post-file.ts';

// One judge: what the web editor's form refuses, `npm run check` refuses with the same words, and
// what the form lets through, the check accepts (for what a form can know: fields and body text).

const now = new Date('2026-11-27T12:00:00Z');
const authorIds = new Set(['redaktion']);
const good: PostFileData = { title: 'Ein Beitrag', date: '2026-11-02', tags: ['Betrieb'], body: 'Ein Absatz.' };

/** The check's messages for the file the form would save, without file, line and field. */
const checkMessages = (data: PostFileData): string[] =>
  checkPosts([{ file: 'content/blog/x/index.mdx', id: 'x/index', source: writePostFile(data) }], {
    authorIds,
    publicFiles: [],
    fileExists: () => true,
    now,
  })
    .filter((problem) => problem.severity === 'error')
    .map((problem) => problem.message);

describe('the form check says what npm run check says', () => {
  it.each<[string, PostFileData, string]>([
    ['an empty title', { ...good, title: '' }, 'fehlt; erwartet wird ein Titel als Text'],
    ['a title of spaces', { ...good, title: '   ' }, 'ist leer; erwartet wird ein Titel als Text'],
    ['no date', { ...good, date: '' }, 'fehlt oder ist kein Datum; erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12'],
    ['an impossible date', { ...good, date: '2026-02-30' }, '„2026-02-30“ ist kein gültiger Tag; erwartet wird ein Tag im Format JJJJ-MM-TT, z. B. 2022-08-12'],
    ['a cover image without alt text', { ...good, image: { src: './bild.jpg', alt: '' } }, 'fehlt; erwartet wird ein Alternativtext, der beschreibt, was das Bild zeigt'],
    ['a cover image without a file', { ...good, image: { src: '', alt: 'Ein Bild' } }, 'erwartet wird der Dateiname eines Bildes neben dem Beitrag'],
    ['an unknown author', { ...good, author: 'niemand' }, 'unbekannte Person „niemand“; erwartet wird eine Kennung aus content/authors/ (redaktion)'],
    ['updated before the date', { ...good, updated: '2026-11-01' }, 'liegt vor dem Erscheinungstag (date); erwartet wird ein Tag am oder nach date'],
    ['updated in the future', { ...good, updated: '2026-12-24' }, 'der 24.12.2026 liegt in der Zukunft; erwartet wird der Tag der Überarbeitung, spätestens heute'],
    ['an empty body', { ...good, body: '' }, 'der Beitrag hat keinen Text; erwartet wird mindestens ein Absatz unter dem Kopfbereich'],
    ['a picture without alt text', { ...good, body: 'Text.\n\n![](./bild.jpg)' }, 'Bild ./bild.jpg hat keinen Alternativtext; erwartet wird eine Beschreibung, z. B. ![Was das Bild zeigt](./bild.jpg)'],
    ['an old address that is no path', { ...good, aliases: ['alt.html'] }, 'erwartet wird ein Pfad, der mit / beginnt, ohne Leerzeichen, ? oder #'],
  ])('%s', (_, data, message) => {
    const form = formProblems(data, authorIds, now).map((problem) => problem.message);
    expect(form).toContain(message);
    expect(checkMessages(data)).toContain(message);
  });

  it.each<[string, PostFileData]>([
    ['a complete post', good],
    ['a draft without text', { ...good, draft: true, body: '' }],
    ['a cover image with alt text', { ...good, image: { src: './bild.jpg', alt: 'Ein Serverschrank' } }],
    ['fields left blank', { ...good, description: '', author: null, updated: '', image: { src: '', alt: '' } }],
    ['a scheduled post with a later update day', { ...good, date: '2027-01-10', updated: '2027-01-12' }],
  ])('%s passes both', (_, data) => {
    expect(formProblems(data, authorIds, now)).toEqual([]);
    expect(checkMessages(data)).toEqual([]);
  });

  it('names each problem with the field as the form labels it', () => {
    const text = formatFormProblems(formProblems({ ...good, title: '', image: { src: './a.jpg', alt: '' } }, authorIds, now));
    expect(text.split('\n')).toEqual([
      'Der Beitrag wurde nicht gespeichert, weil die Prüfung Fehler fand:',
      'Titel (title): fehlt; erwartet wird ein Titel als Text',
      'Titelbild › Alternativtext (image.alt): fehlt; erwartet wird ein Alternativtext, der beschreibt, was das Bild zeigt',
    ]);
  });
});
