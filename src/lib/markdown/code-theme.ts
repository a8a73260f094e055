import type { ThemeRegistrationResolved } from 'shiki';
import { applyColorReplacements, normalizeTheme, tokenizeAnsiWithTheme } from 'shiki/core';
import { bundledThemes } from 'shiki/themes';
import { CODE_SCHEMES, codeThemeCss, type CodeScheme, type SchemePalette } from '#lib/markdown/code-highlight.ts';

// Reads Shiki's theme definitions for the stylesheet of highlighted code (src/lib/markdown/code-highlight.ts
// names the classes and writes the rules): what the themes say, never what a build rendered.

/** The 16 named terminal colours as SGR codes for the text: 30–37 and 90–97 (+10 for the background). */
const ANSI_COLORS = [30, 31, 32, 33, 34, 35, 36, 37, 90, 91, 92, 93, 94, 95, 96, 97];

/**
 * One `x` in every combination of text colour, background, dim and reverse that Shiki's `ansi`
 * highlighting knows by name (39 and 49: the theme's own colours).
 */
const ANSI_SAMPLE = [39, ...ANSI_COLORS]
  .flatMap((text) =>
    [49, ...ANSI_COLORS.map((code) => code + 10)].flatMap((background) =>
      ['', '2;', '7;', '2;7;'].map((decoration) => `\u001b[0;${decoration}${text};${background}mx`),
    ),
  )
  .join('');

/**
 * Every colour a theme can give highlighted code: the colours of its token rules, its foreground
 * and background, and in `ansi` code blocks its terminal colours, plain, dimmed and reversed (as
 * Shiki's own ANSI code gives them, with its defaults where a theme has none). The 256-colour and
 * true-colour codes of ANSI are no theme's colours: such tokens keep the block's colour.
 */
export function themePalette(theme: ThemeRegistrationResolved): SchemePalette {
  const replacements = theme.colorReplacements ?? {};
  const ruleColors = theme.settings.flatMap(({ settings }) => [settings?.foreground, settings?.background]);
  const ansi = tokenizeAnsiWithTheme(theme, ANSI_SAMPLE, {}).flat();
  const present = (colors: (string | undefined)[]): string[] => colors.filter((color): color is string => !!color);
  return {
    colors: [...present([...ruleColors, theme.fg, theme.bg]).map((color) => applyColorReplacements(color, replacements)), ...present(ansi.map((token) => token.color)), 'inherit'],
    backgrounds: [theme.bg, ...present(ansi.map((token) => token.bgColor)), 'inherit'],
  };
}

/** The stylesheet of highlighted code for `schemes`, their themes loaded from Shiki. */
export async function loadCodeThemeCss(schemes: readonly CodeScheme[] = CODE_SCHEMES): Promise<string> {
  const palettes = await Promise.all(
    schemes.map(async ({ scheme, theme, media }) => {
      const { default: raw } = await bundledThemes[theme]();
      return { scheme, ...(media === undefined ? {} : { media }), ...themePalette(normalizeTheme(raw)) };
    }),
  );
  return codeThemeCss(palettes);
}
