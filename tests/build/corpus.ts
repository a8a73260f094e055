import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusPost {
  title: string;
  /** `YYYY-MM-DD`. */
  day: string;
  /** Expected article URL. */
  url: string;
  draft: boolean;
  /** Dated after the build; must stay unpublished. */
  future: boolean;
  /** Whether the post has a teaser marker. */
  marker: boolean;
  tags: string[];
}

const WORDS = ['Genossenschaft', 'Server', 'Mitglieder', 'Größe', 'Übersicht', 'Straße', 'Äpfel', 'Sicherung', 'Öffnung', 'Zugänge'];

/**
 * Writes a deterministic corpus of `count` generated posts into `dir`: flat and folder posts,
 * umlauts and ß in titles, posts with and without teaser marker, several on the same day,
 * drafts, and posts dated far in the future. Returns what each post should become.
 */
export function writeCorpus(dir: string, count: number): CorpusPost[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const posts: CorpusPost[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[i % WORDS.length]!;
    const title = `Beitrag ${i + 1}: ${word} im Blick`;
    const slug = `beitrag-${i + 1}-${word
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')}-im-blick`;
    const fileStem = `beitrag-${i + 1}-${word.toLowerCase()}-im-blick`;
    const draft = i % 11 === 5;
    const future = i % 13 === 7;
    // Every third post shares its day with the one before; years 2015–2024.
    const dayIndex = Math.floor((i * 2) / 3);
    const year = future ? 2099 : 2015 + (dayIndex % 10);
    const month = String((dayIndex % 12) + 1).padStart(2, '0');
    const dayOfMonth = String((dayIndex % 27) + 1).padStart(2, '0');
    const day = `${year}-${month}-${dayOfMonth}`;
    const marker = i % 4 !== 0;
    // Every other post is "Allgemein" (enough for several topic pages); every third has its word.
    const tags = [...(i % 3 === 0 ? [word] : []), ...(i % 2 === 0 ? ['Allgemein'] : [])];
    const body = [
      '---',
      `title: "${title}"`,
      `date: ${day}`,
      ...(draft ? ['draft: true'] : []),
      // A late `updated` must never move a post up the index or the feed.
      ...(i % 7 === 3 ? ['updated: 2025-12-31'] : []),
      ...(tags.length > 0 ? [`tags: ${JSON.stringify(tags)}`] : []),
      '---',
      '',
      `Erster Absatz von Beitrag ${i + 1} mit [einem Link](/) und *Betonung*.`,
      '',
      `Zweiter Absatz von Beitrag ${i + 1}.`,
      '',
      ...(marker ? ['{/* more */}', ''] : []),
      '## Weiter im Text',
      '',
      `Der Rest von Beitrag ${i + 1}.`,
      '',
    ].join('\n');
    const folder = i % 5 === 2;
    const file = folder ? join(dir, fileStem, 'index.mdx') : join(dir, `${fileStem}.mdx`);
    if (folder) mkdirSync(join(dir, fileStem), { recursive: true });
    writeFileSync(file, body);
    posts.push({ title, day, url: `/blog/${year}/${slug}/`, draft, future, marker, tags });
  }
  return posts;
}
