import type { ShikiConfig } from 'astro';
import type { BundledTheme, ShikiTransformer } from 'shiki';

// Highlighted code is coloured by classes, not by style="" attributes: the Content-Security-Policy
// (public/.htaccess) allows no inline styles at all. Shiki writes its colours as declarations per
// colour scheme (`--shiki-light:#24292E;--shiki-dark:#E1E4E8`); the transformer below turns each
// declaration into one class (`hl-light-24292e hl-dark-e1e4e8`), and `codeThemeCss` writes a rule
// for every class the two themes can give, from the theme definitions themselves (read in
// src/lib/markdown/code-theme.ts). So the stylesheet is the same in every build, whatever code the posts
// contain.

/** A colour scheme of highlighted code: its key in `shikiConfig.themes` and Shiki's theme for it. */
export interface CodeScheme {
  scheme: string;
  theme: BundledTheme;
  /** Media query under which its rules apply; none for the default scheme, which comes first. */
  media?: string;
}

/** Code follows the reader's colour scheme, like the rest of the site (src/styles/tokens.css). */
export const CODE_SCHEMES: readonly CodeScheme[] = [
  { scheme: 'light', theme: 'github-light' },
  { scheme: 'dark', theme: 'github-dark', media: '(prefers-color-scheme: dark)' },
];

/** Prefix of every class this module gives highlighted code. */
export const CODE_CLASS_PREFIX = 'hl-';

/** Whether `name` is one of the classes of highlighted code, which mean nothing without the site's stylesheet. */
export const isCodeClass = (name: string): boolean => name.startsWith(CODE_CLASS_PREFIX);

/** CSS property of each variable Shiki writes per scheme, by the variable's suffix (`--shiki-dark-bg`). */
const SCHEME_PROPERTIES = {
  '': 'color',
  '-bg': 'background-color',
  '-font-style': 'font-style',
  '-font-weight': 'font-weight',
  '-text-decoration': 'text-decoration',
} as const;

type SchemeSuffix = keyof typeof SCHEME_PROPERTIES;

/** The values Shiki gives the font properties (any theme), `inherit` where another scheme sets one. */
const FONT_VALUES: Record<Exclude<SchemeSuffix, '' | '-bg'>, readonly string[]> = {
  '-font-style': ['italic', 'inherit'],
  '-font-weight': ['bold', 'inherit'],
  '-text-decoration': ['underline', 'line-through', 'underline line-through', 'inherit'],
};

/**
 * Declarations that are the same in every scheme: Astro's own on `<pre>` (`overflow-x`, and the
 * two of `shikiConfig.wrap: true`) and on the sign of a `diff` line (`user-select`).
 */
const FIXED_DECLARATIONS: readonly (readonly [string, string])[] = [
  ['overflow-x', 'auto'],
  ['white-space', 'pre-wrap'],
  ['word-wrap', 'break-word'],
  ['user-select', 'none'],
];

/** A CSS value as part of a class name: `#005CC5` → `005cc5`, `underline line-through` → `underline-line-through`. */
const classPart = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The class for a scheme's value of a property (`suffix` as in Shiki's variable names). */
export const schemeClass = (scheme: string, suffix: SchemeSuffix, value: string): string =>
  `${CODE_CLASS_PREFIX}${scheme}${suffix}-${classPart(value)}`;

/** The class for a declaration that is the same in every scheme. */
const fixedClass = (property: string, value: string): string => `${CODE_CLASS_PREFIX}${property}-${classPart(value)}`;

/** `a:b; c: d;` as `[['a', 'b'], ['c', 'd']]`. */
export function parseStyle(style: string): [string, string][] {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration !== '')
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return [declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim()];
    });
}

/**
 * The classes that stand for a style attribute Shiki or Astro wrote on highlighted code, for the
 * colour schemes `schemes`. Throws on a declaration without a class (say, after `defaultColor` or
 * Astro changed), as it could only stay a style attribute, which the policy blocks.
 */
export function styleClasses(schemes: readonly string[]): (style: string) => string[] {
  const variables = new Map<string, { scheme: string; suffix: SchemeSuffix }>(
    schemes.flatMap((scheme) =>
      Object.keys(SCHEME_PROPERTIES).map((suffix) => [`--shiki-${scheme}${suffix}`, { scheme, suffix: suffix as SchemeSuffix }] as const),
    ),
  );
  return (style) =>
    parseStyle(style).map(([property, value]) => {
      const variable = variables.get(property);
      if (variable) return schemeClass(variable.scheme, variable.suffix, value);
      if (FIXED_DECLARATIONS.some(([p, v]) => p === property && v === value)) return fixedClass(property, value);
      throw new Error(
        `Highlighted code has the style "${property}: ${value}", which has no class in src/lib/markdown/code-highlight.ts ` +
          `(schemes: ${schemes.join(', ')}; shikiConfig.defaultColor must be false).`,
      );
    });
}

/**
 * A Shiki transformer that replaces every style attribute of a code block (on `<pre>`, on each
 * token and on Astro's `diff` signs) by classes. It runs last, on the whole tree, after Astro's own
 * transformer has added its styles.
 */
export function styleToClass(schemes: readonly string[]): ShikiTransformer {
  const classesFor = styleClasses(schemes);
  return {
    // Astro keeps rendered Markdown in its content store between builds and notices a changed config
    // only by the config's JSON, where a transformer is just its name: change the name whenever the
    // classes it writes change, so that no build mixes old markup with a new stylesheet.
    name: 'blog-code-classes-1',
    root(root) {
      type Node = (typeof root)['children'][number] | typeof root;
      const visit = (node: Node): void => {
        if (node.type === 'element' && node.properties['style'] !== undefined) {
          const style = node.properties['style'];
          delete node.properties['style'];
          const classes = classesFor(String(style));
          if (classes.length > 0) this.addClassToHast(node, classes);
        }
        if ('children' in node) for (const child of node.children) visit(child);
      };
      visit(root);
    },
  };
}

/** `markdown.shikiConfig` for astro.config.mjs: both schemes as CSS variables, turned into classes. */
export const shikiConfig: Partial<ShikiConfig> = {
  themes: Object.fromEntries(CODE_SCHEMES.map(({ scheme, theme }) => [scheme, theme])),
  // No default colours (`color:`), only one variable per scheme: every declaration names its scheme.
  defaultColor: false,
  transformers: [styleToClass(CODE_SCHEMES.map(({ scheme }) => scheme))],
};

/** Every value Shiki can write for a scheme's colours, from its theme. */
export interface SchemePalette {
  colors: readonly string[];
  backgrounds: readonly string[];
}

/** One rule per class, sorted; hex colours in lower case, so `#FFF` and `#fff` make one rule. */
function rules(entries: readonly (readonly [string, string, string])[]): string[] {
  const byClass = new Map<string, string>();
  for (const [className, property, value] of entries) {
    byClass.set(className, `.${className} { ${property}: ${value.startsWith('#') ? value.toLowerCase() : value}; }`);
  }
  return [...byClass.values()].sort();
}

/**
 * The stylesheet of highlighted code: a rule for every class `styleClasses` can give, the default
 * scheme's first, each other scheme's under its media query after it (the same specificity, so the
 * later rule wins where both apply).
 */
export function codeThemeCss(schemes: readonly (Pick<CodeScheme, 'scheme' | 'media'> & SchemePalette)[]): string {
  const blocks = schemes.map(({ scheme, media, colors, backgrounds }) => {
    const body = rules([
      ...colors.map((value) => [schemeClass(scheme, '', value), 'color', value] as const),
      ...backgrounds.map((value) => [schemeClass(scheme, '-bg', value), 'background-color', value] as const),
      ...Object.entries(FONT_VALUES).flatMap(([suffix, values]) =>
        values.map((value) => [schemeClass(scheme, suffix as SchemeSuffix, value), SCHEME_PROPERTIES[suffix as SchemeSuffix], value] as const),
      ),
    ]);
    return media ? [`@media ${media} {`, ...body.map((rule) => `  ${rule}`), '}'] : body;
  });
  const fixed = rules(FIXED_DECLARATIONS.map(([property, value]) => [fixedClass(property, value), property, value] as const));
  return [`/* Highlighted code (src/lib/markdown/code-highlight.ts): generated from Shiki's themes. */`, ...fixed, ...blocks.flat(), ''].join('\n');
}
