/** Every value in `site.legal` that must be replaced before going live starts with this. */
export const PLACEHOLDER_PREFIX = '[Platzhalter';

/** Whether a legal value is still a placeholder. */
export const isPlaceholder = (value: string): boolean => value.trimStart().startsWith(PLACEHOLDER_PREFIX);

/**
 * Dotted paths (`address.street`, `board.1`) of every string in `value` that is still a
 * placeholder, in the order they appear, so the build can name what is missing.
 */
export function placeholderPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isPlaceholder(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholderPaths(item, path ? `${path}.${i}` : String(i)));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => placeholderPaths(item, path ? `${path}.${key}` : key));
  }
  return [];
}
