import { satteri } from '@astrojs/markdown-satteri';
import { createHighlighter } from 'shiki';
import { normalizeTheme } from 'shiki/core';
import { bundledThemes } from 'shiki/themes';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_SCHEMES, shikiConfig } from '#lib/markdown/code-highlight.ts';
import { loadCodeThemeCss, themePalette } from '#lib/markdown/code-theme.ts';

let css = '';
/** The classes the generated stylesheet has rules for. */
let rules = new Set<string>();

beforeAll(async () => {
  css = await loadCodeThemeCss();
  rules = new Set([...css.matchAll(/\.([a-z0-9-]+) \{/g)].map(([, name]) => name!));
});

const ESC = '\u001b';

/** Code blocks of the languages posts use, and the ones that give Shiki's rarer output. */
const BLOCKS: [string, string][] = [
  ['bash', 'ps aux --sort=-%cpu | head\nPID=$(ps -eo pid | tr -d " ")  # Kommentar'],
  ['ts', 'export const a: Record<string, number> = { b: 1 }; // Grüße\nclass C extends D { #x = /re+/g; }'],
  ['js', 'async function f() { return `x${await g()}`; }'],
  ['json', '{ "name": "blog", "n": 1, "ok": true, "none": null }'],
  ['yaml', 'title: "Grüße"\ndate: 2024-01-01\ntags: [a, b]'],
  ['css', '@media (min-width: 40rem) { .a::before { color: #fff !important; } }'],
  ['html', '<!doctype html><a href="/" class="x">Link &amp; mehr</a><!-- Kommentar -->'],
  ['apache', 'RewriteRule ^ /blog/ [R=301,L]\nHeader always set X-Frame-Options "DENY"'],
  ['python', '@dataclass\nclass A:\n    def f(self) -> str:\n        return f"{self!r}"  # noqa'],
  ['sql', "SELECT name FROM mitglieder WHERE eintritt > '2020-01-01' ORDER BY name;"],
  ['diff', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-alt\n+neu'],
  // Italic, bold, strikethrough, underlined links and headings: every font style the themes have.
  ['md', '# Titel\n\n*kursiv* **fett** ~~weg~~ [Link](https://example.org) `code`\n\n> Zitat'],
  ['ansi', `${ESC}[31mrot${ESC}[0m ${ESC}[1;4;92mhell${ESC}[0m ${ESC}[2;7;44mdim${ESC}[0m ${ESC}[9;3;105mweg${ESC}[0m`],
  ['plaintext', 'nur Text'],
];

const markdown = BLOCKS.map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``).join('\n\n');

/** The classes of every `class` attribute in rendered HTML or compiled MDX (`class: "…"`). */
const classesOf = (output: string): string[] => [...output.matchAll(/class(?:=|: )"([^"]*)"/g)].flatMap(([, value]) => value!.split(/\s+/));

describe('the stylesheet of highlighted code', () => {
  it('is the same on every call: from the themes, not from what was highlighted', async () => {
    expect(await loadCodeThemeCss()).toBe(css);
    expect(css).toContain('@media (prefers-color-scheme: dark) {');
  });

  it.each(CODE_SCHEMES.map(({ scheme, theme }) => [scheme, theme]))(
    'has a colour for every colour of Shiki’s colour map for %s (%s)',
    async (_, theme) => {
      const highlighter = await createHighlighter({ themes: [theme], langs: [] });
      // setTheme is Shiki's internal API: the colours its tokens are looked up in.
      const { colorMap } = (highlighter as unknown as { setTheme: (name: string) => { colorMap: string[] } }).setTheme(theme);
      highlighter.dispose();
      const colors = new Set(themePalette(normalizeTheme((await bundledThemes[theme]()).default)).colors.map((c) => c.toLowerCase()));
      for (const color of colorMap.filter(Boolean)) expect(colors, color).toContain(color.toLowerCase());
    },
  );
});

describe.each([
  ['the default settings', shikiConfig],
  ['shikiConfig.wrap: true', { ...shikiConfig, wrap: true }],
])('highlighted code with %s', (_, config) => {
  const shared = { syntaxHighlight: 'shiki' as const, shikiConfig: config };

  it.each([
    [
      'rendered as Markdown (renderMarkdown, src/content.config.ts)',
      async () => (await (await satteri().createRenderer(shared)).render(markdown)).code,
    ],
    [
      'compiled as MDX (@astrojs/mdx)',
      async () => (await satteri().createMdxRenderer!(shared, { optimize: false }).then((mdx) => mdx.process(`import X from './x.ts';\n\n${markdown}\n`, '/beitrag.mdx', {}))).code,
    ],
  ])('%s has no style attribute and only classes the stylesheet has', async (_, render) => {
    const output = await render();
    expect(output).toContain('astro-code');
    // `style="…"` in HTML, `style: …` in compiled MDX.
    expect(output).not.toMatch(/(?<![\w-])style(=|:)/);
    const classes = classesOf(output).filter((name) => name.startsWith('hl-'));
    for (const [scheme] of CODE_SCHEMES.map(({ scheme }) => [scheme])) {
      expect(classes.some((name) => name.startsWith(`hl-${scheme}-`)), scheme).toBe(true);
    }
    for (const name of ['hl-light-font-style-italic', 'hl-dark-font-weight-bold', 'hl-user-select-none', 'hl-light-bg-fff']) {
      expect(classes, name).toContain(name);
    }
    for (const name of new Set(classes)) expect(rules, name).toContain(name);
  });
});
