import type { Root } from 'hast';
import { addClassToHast, type ShikiTransformerContext } from 'shiki/core';
import { describe, expect, it } from 'vitest';
import {
  CODE_SCHEMES,
  codeThemeCss,
  isCodeClass,
  parseStyle,
  shikiConfig,
  styleClasses,
  styleToClass,
} from '#lib/markdown/code-highlight.ts';

const SCHEMES = ['light', 'dark'];

/** The classes a stylesheet has rules for. */
const classesIn = (css: string): Set<string> => new Set([...css.matchAll(/\.([a-z0-9-]+) \{/g)].map(([, name]) => name!));

describe('parseStyle', () => {
  it.each([
    ['', []],
    ['color:#fff', [['color', '#fff']]],
    ['--shiki-light:#24292E;--shiki-dark:#E1E4E8', [['--shiki-light', '#24292E'], ['--shiki-dark', '#E1E4E8']]],
    ['--shiki-light-bg:#fff; overflow-x: auto;', [['--shiki-light-bg', '#fff'], ['overflow-x', 'auto']]],
    ['user-select: none;', [['user-select', 'none']]],
    ['--shiki-dark-text-decoration:underline line-through', [['--shiki-dark-text-decoration', 'underline line-through']]],
  ])('%j', (style, expected) => {
    expect(parseStyle(style)).toEqual(expected);
  });
});

describe('styleClasses', () => {
  const classesFor = styleClasses(SCHEMES);

  it.each([
    ['a token', '--shiki-light:#D73A49;--shiki-dark:#F97583', ['hl-light-d73a49', 'hl-dark-f97583']],
    [
      'a <pre> with Astro’s overflow',
      '--shiki-light:#24292e;--shiki-dark:#e1e4e8;--shiki-light-bg:#fff;--shiki-dark-bg:#24292e; overflow-x: auto;',
      ['hl-light-24292e', 'hl-dark-e1e4e8', 'hl-light-bg-fff', 'hl-dark-bg-24292e', 'hl-overflow-x-auto'],
    ],
    [
      'a <pre> with shikiConfig.wrap: true',
      '--shiki-light:#24292e; overflow-x: auto; white-space: pre-wrap; word-wrap: break-word;',
      ['hl-light-24292e', 'hl-overflow-x-auto', 'hl-white-space-pre-wrap', 'hl-word-wrap-break-word'],
    ],
    [
      'font styles, one scheme without them',
      '--shiki-light:#24292E;--shiki-dark:#E1E4E8;--shiki-light-font-style:italic;--shiki-dark-font-style:inherit;--shiki-light-font-weight:bold;--shiki-dark-font-weight:bold',
      ['hl-light-24292e', 'hl-dark-e1e4e8', 'hl-light-font-style-italic', 'hl-dark-font-style-inherit', 'hl-light-font-weight-bold', 'hl-dark-font-weight-bold'],
    ],
    [
      'both decorations',
      '--shiki-light-text-decoration:underline line-through;--shiki-dark-text-decoration:inherit',
      ['hl-light-text-decoration-underline-line-through', 'hl-dark-text-decoration-inherit'],
    ],
    ['a dimmed ANSI colour on an ANSI background', '--shiki-light:#28A74580;--shiki-light-bg:#24292E', ['hl-light-28a74580', 'hl-light-bg-24292e']],
    ['a colour one scheme lacks', '--shiki-light:#24292E;--shiki-dark:inherit', ['hl-light-24292e', 'hl-dark-inherit']],
    ['the sign of a diff line', 'user-select: none;', ['hl-user-select-none']],
    ['an empty style', '', []],
  ])('%s', (_, style, expected) => {
    expect(classesFor(style)).toEqual(expected);
  });

  it.each([
    ['a default colour (defaultColor not false)', 'color:#24292E;--shiki-dark:#E1E4E8', /"color: #24292E"/],
    ['a scheme that is not configured', '--shiki-sepia:#5B4636', /"--shiki-sepia: #5B4636"/],
    ['a fixed property with another value', 'overflow-x: scroll', /"overflow-x: scroll"/],
    ['anything else', 'display: none', /"display: none".*defaultColor must be false/],
  ])('throws on %s', (_, style, message) => {
    expect(() => classesFor(style)).toThrow(message);
  });
});

describe('styleToClass', () => {
  const context = { addClassToHast } as unknown as ShikiTransformerContext;
  const tree = (): Root => ({
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { class: 'astro-code', style: '--shiki-light:#24292e;--shiki-dark:#e1e4e8; overflow-x: auto;', tabindex: '0' },
        children: [
          {
            type: 'element',
            tagName: 'code',
            properties: {},
            children: [
              {
                type: 'element',
                tagName: 'span',
                properties: { class: 'line' },
                children: [
                  { type: 'element', tagName: 'span', properties: { style: '--shiki-light:#D73A49;--shiki-dark:#F97583' }, children: [{ type: 'text', value: 'const' }] },
                  { type: 'element', tagName: 'span', properties: { style: 'user-select: none;' }, children: [{ type: 'text', value: '+' }] },
                  { type: 'element', tagName: 'span', properties: { style: '' }, children: [{ type: 'text', value: ' ' }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  });

  /** Each element of the tree as `tag: classes`, and whether any has a style left. */
  const elements = (root: Root): string[] => {
    const found: string[] = [];
    const visit = (node: Root | Root['children'][number]): void => {
      if (node.type === 'element') {
        const classes = [node.properties['class'] ?? []].flat().join(' ');
        found.push(`${node.tagName}: ${classes}${node.properties['style'] === undefined ? '' : ' + style'}`);
      }
      if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
    };
    visit(root);
    return found;
  };

  it('replaces every style attribute of the tree by classes, keeping the classes there are', () => {
    const root = tree();
    styleToClass(SCHEMES).root!.call(context, root);
    expect(elements(root)).toEqual([
      'pre: astro-code hl-light-24292e hl-dark-e1e4e8 hl-overflow-x-auto',
      'code: ',
      'span: line',
      'span: hl-light-d73a49 hl-dark-f97583',
      'span: hl-user-select-none',
      'span: ',
    ]);
  });

  it('is the last transformer of the site’s shikiConfig, with no default colour', () => {
    expect(shikiConfig.defaultColor).toBe(false);
    expect(shikiConfig.themes).toEqual({ light: 'github-light', dark: 'github-dark' });
    expect(shikiConfig.transformers?.at(-1)?.name).toMatch(/^blog-code-classes/);
    expect(CODE_SCHEMES[0]?.media, 'the default scheme applies without a media query').toBeUndefined();
  });
});

describe('codeThemeCss', () => {
  const palettes = [
    { scheme: 'light', colors: ['#24292E', '#24292e', '#D73A49', 'inherit'], backgrounds: ['#fff', 'inherit'] },
    { scheme: 'dark', media: '(prefers-color-scheme: dark)', colors: ['#E1E4E8', '#F97583'], backgrounds: ['#24292e'] },
  ];
  const css = codeThemeCss(palettes);

  it.each([
    ['a token colour', '.hl-light-d73a49 { color: #d73a49; }'],
    ['a colour given twice, once', '.hl-light-24292e { color: #24292e; }'],
    ['inherit', '.hl-light-inherit { color: inherit; }'],
    ['a background', '.hl-light-bg-fff { background-color: #fff; }'],
    ['a font style', '.hl-light-font-style-italic { font-style: italic; }'],
    ['a font style’s reset', '.hl-dark-font-style-inherit { font-style: inherit; }'],
    ['a font weight', '.hl-dark-font-weight-bold { font-weight: bold; }'],
    ['both decorations', '.hl-light-text-decoration-underline-line-through { text-decoration: underline line-through; }'],
    ['Astro’s overflow', '.hl-overflow-x-auto { overflow-x: auto; }'],
    ['Astro’s wrapping', '.hl-white-space-pre-wrap { white-space: pre-wrap; }'],
    ['the diff sign', '.hl-user-select-none { user-select: none; }'],
  ])('has a rule for %s', (_, rule) => {
    expect(css).toContain(rule);
  });

  it('writes each class once, the default scheme unconditionally and the other under its media query after it', () => {
    const names = [...css.matchAll(/\.([a-z0-9-]+) \{/g)].map(([, name]) => name);
    expect(names.length).toBe(new Set(names).size);
    const media = css.indexOf('@media (prefers-color-scheme: dark) {');
    expect(media).toBeGreaterThan(css.lastIndexOf('.hl-light-'));
    expect(css.indexOf('.hl-dark-')).toBeGreaterThan(media);
    expect(css.trimEnd().endsWith('}')).toBe(true);
  });

  it('is the same for the same palettes, in any order of their values', () => {
    const shuffled = palettes.map((palette) => ({ ...palette, colors: [...palette.colors].reverse(), backgrounds: [...palette.backgrounds].reverse() }));
    expect(codeThemeCss(palettes)).toBe(css);
    expect(codeThemeCss(shuffled)).toBe(css);
  });

  it('covers every class styleClasses gives for the palettes’ values', () => {
    const rules = classesIn(css);
    const style = '--shiki-light:#24292e;--shiki-light-bg:#FFF;--shiki-dark:#f97583;--shiki-dark-text-decoration:underline;--shiki-light-font-weight:inherit; overflow-x: auto;';
    for (const name of styleClasses(SCHEMES)(style)) expect(rules, name).toContain(name);
  });
});

describe('isCodeClass', () => {
  it.each([
    ['hl-light-24292e', true],
    ['hl-overflow-x-auto', true],
    ['astro-code', false],
    ['line', false],
    ['github-dark', false],
    ['', false],
  ])('%j → %s', (name, expected) => {
    expect(isCodeClass(name)).toBe(expected);
  });
});
