// Cache keys of the social images: a card's PNG is drawn once and kept in the build cache
// until its text, the layout version, the fonts or the drawing libraries change.
import { cacheKey } from '#lib/build/cache.ts';
import { SOCIAL_IMAGE_VERSION, type SocialCard } from '#lib/social-image/card.ts';

/** Subfolder of the build cache that holds the PNGs, one `<key>.png` per card. */
export const SOCIAL_IMAGE_CACHE = 'social-images';

/** Every field of a card in a fixed order; a field added to `SocialCard` is a type error here until listed. */
const cardFields = (card: SocialCard): Record<keyof SocialCard, string | null> => ({
  label: card.label,
  title: card.title,
  lead: card.lead ?? null,
  footerStart: card.footerStart,
  footerEnd: card.footerEnd,
});

/**
 * The cache key of a card's PNG: its fields, `SOCIAL_IMAGE_VERSION` and `renderer`, which names
 * what else decides the pixels (font files, library versions, PNG settings).
 */
export const socialCardKey = (card: SocialCard, renderer: string, version: number = SOCIAL_IMAGE_VERSION): string =>
  cacheKey(`social-image ${version}`, renderer, JSON.stringify(cardFields(card)));
