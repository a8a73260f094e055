/** Words an adult reads in a minute of German non-fiction on screen (a common planning figure). */
export const WORDS_PER_MINUTE = 200;

/** Words in a plain text: runs of letters or digits, umlauts and ß included. */
export const countWords = (text: string): number => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;

/** Minutes to read `words`, rounded, at least 1. */
export const readingMinutes = (words: number, wordsPerMinute = WORDS_PER_MINUTE): number =>
  Math.max(1, Math.round(words / wordsPerMinute));
