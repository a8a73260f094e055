import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALIAS_BLOCK_BEGIN, ALIAS_BLOCK_END, aliasProblem, aliasRedirectRules, contentSecurityPolicy, editorContentSecurityPolicy, editorHtaccess, editorOrigins, withAliasBlock } from '#lib/site/htaccess.ts';

describe('aliasRedirectRules', () => {
  it('is empty without aliases', () => {
    expect(aliasRedirectRules([])).toBe('');
  });

  it.each([
    {
      name: 'a path with and without trailing slash',
      from: '/blog/alter-beitrag/',
      to: '/blog/2022/neuer-beitrag/',
      rules: ['RewriteCond %{REQUEST_URI} "^/blog/alter-beitrag/?$"', 'RewriteRule ^ /blog/2022/neuer-beitrag/ [R=301,L]'],
    },
    {
      name: 'regex characters in an old file name',
      from: '/2019/05/alt(1).html',
      to: '/blog/2019/alt/',
      rules: ['RewriteCond %{REQUEST_URI} "^/2019/05/alt\\(1\\)\\.html/?$"', 'RewriteRule ^ /blog/2019/alt/ [R=301,L]'],
    },
    {
      name: 'umlauts, percent-encoded or not, as Apache compares them decoded',
      from: '/gr%C3%BC%C3%9Fe',
      to: '/blog/2022/gruesse/',
      rules: ['RewriteCond %{REQUEST_URI} "^/grüße/?$"', 'RewriteRule ^ /blog/2022/gruesse/ [R=301,L]'],
    },
    {
      name: 'a space, which would end the argument',
      from: '/alte seite.html',
      to: '/blog/2020/x/',
      rules: ['RewriteCond %{REQUEST_URI} "^/alte\\x20seite\\.html/?$"', 'RewriteRule ^ /blog/2020/x/ [R=301,L]'],
    },
    {
      name: 'a query, matched exactly and dropped',
      from: '/?p=123',
      to: '/blog/2018/p/',
      rules: ['RewriteCond %{REQUEST_URI} "^/$"', 'RewriteCond %{QUERY_STRING} "^p=123$"', 'RewriteRule ^ /blog/2018/p/ [R=301,L,QSD]'],
    },
    {
      name: 'an external target',
      from: '/spenden/',
      to: 'https://www.example.org/spenden/',
      rules: ['RewriteCond %{REQUEST_URI} "^/spenden/?$"', 'RewriteRule ^ https://www.example.org/spenden/ [R=301,L]'],
    },
  ])('$name', ({ from, to, rules }) => {
    expect(aliasRedirectRules([{ from, to }]).split('\n')).toEqual(rules);
  });

  it('keeps one rule for the same alias listed twice with one target', () => {
    const rules = aliasRedirectRules([
      { from: '/alt/', to: '/blog/2022/neu/' },
      { from: '/alt', to: '/blog/2022/neu/' },
    ]);
    expect(rules.match(/RewriteRule/g)).toHaveLength(1);
  });

  it.each([
    { name: 'two targets for one alias', redirects: [{ from: '/alt/', to: '/blog/2022/a/' }, { from: '/alt', to: '/blog/2022/b/' }], message: /zwei Zielen/ },
    { name: 'an alias to itself', redirects: [{ from: '/blog/2022/a', to: '/blog/2022/a/' }], message: /auf sich selbst/ },
    { name: 'a newline that would inject a directive', redirects: [{ from: '/alt\nHeader unset X-Frame-Options', to: '/blog/2022/a/' }], message: /Steuerzeichen/ },
    { name: 'a relative old path', redirects: [{ from: 'alt.html', to: '/blog/2022/a/' }], message: /mit \/ beginnen/ },
    { name: 'a target with rewrite variables', redirects: [{ from: '/alt/', to: '/blog/$1/' }], message: /keine Adresse/ },
    { name: 'a target with a quote', redirects: [{ from: '/alt/', to: '/blog/"x/' }], message: /keine Adresse/ },
  ])('refuses $name', ({ redirects, message }) => {
    expect(() => aliasRedirectRules(redirects)).toThrow(message);
  });
});

describe('aliasProblem', () => {
  it('accepts a plain alias', () => {
    expect(aliasProblem({ from: '/2019/05/alt.html', to: '/blog/2019/alt/' })).toBeUndefined();
  });
  it('refuses a fragment, which never reaches the server', () => {
    expect(aliasProblem({ from: '/alt/#teil', to: '/blog/2019/alt/' })).toMatch(/#/);
  });
});

describe('withAliasBlock', () => {
  const template = ['RewriteEngine On', `  ${ALIAS_BLOCK_BEGIN}`, `  ${ALIAS_BLOCK_END}`, '  RewriteRule x y', ''].join('\n');

  it('fills the block between the markers, indented like them', () => {
    expect(withAliasBlock(template, 'A\nB')).toBe(
      ['RewriteEngine On', `  ${ALIAS_BLOCK_BEGIN}`, '  A', '  B', `  ${ALIAS_BLOCK_END}`, '  RewriteRule x y', ''].join('\n'),
    );
  });

  it('replaces an earlier filling instead of adding to it', () => {
    expect(withAliasBlock(withAliasBlock(template, 'A'), 'C')).toBe(withAliasBlock(template, 'C'));
  });

  it('leaves the template as it is without rules', () => {
    expect(withAliasBlock(template, '')).toBe(template);
  });

  it('appends a block for mod_rewrite when the markers are missing', () => {
    const out = withAliasBlock('ErrorDocument 404 /404.html', 'A');
    expect(out).toBe(
      ['ErrorDocument 404 /404.html', '', ALIAS_BLOCK_BEGIN, '<IfModule mod_rewrite.c>', 'RewriteEngine On', 'A', '</IfModule>', ALIAS_BLOCK_END, ''].join('\n'),
    );
  });
});

describe('contentSecurityPolicy', () => {
  it.each([
    ['the header line', `<IfModule mod_headers.c>\n  Header always set Content-Security-Policy "default-src 'self'"\n</IfModule>`, "default-src 'self'"],
    ['a commented-out line is not the policy', `# Header always set Content-Security-Policy "default-src *"`, undefined],
    ['no policy', 'Options -Indexes', undefined],
  ])('reads %s', (_, htaccess, policy) => {
    expect(contentSecurityPolicy(htaccess)).toBe(policy);
  });

  it('reads the site’s own policy from public/.htaccess', () => {
    const policy = contentSecurityPolicy(readFileSync(join(import.meta.dirname, '../../../public/.htaccess'), 'utf8'));
    expect(policy).toMatch(/^default-src 'self'; /);
    expect(policy).not.toContain('unsafe-inline');
  });
});

describe('the web editor’s own policy (/admin/.htaccess)', () => {
  it.each([
    ['Forgejo', { name: 'forgejo', api_root: 'https://git.example.org/api/v1' }, ['https://git.example.org']],
    ['GitLab', { name: 'gitlab', api_root: 'https://gitlab.example.org/api/v4', base_url: 'https://gitlab.example.org' }, ['https://gitlab.example.org']],
    ['GitHub without api_root', { name: 'github', base_url: 'https://oauth.example.org' }, ['https://api.github.com', 'https://oauth.example.org']],
  ])('lets the editor talk to %s and nothing else', (_, backend, origins) => {
    expect(editorOrigins(backend)).toEqual(origins);
    const policy = editorContentSecurityPolicy(backend);
    expect(policy).toContain(`connect-src 'self' ${origins.join(' ')}`);
    // Scripts only from the site; eval for Decap's config validation (decaporg/decap-cms#2138).
    expect(policy).toContain("script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';");
    expect(policy).not.toMatch(/script-src[^;]*(?:'unsafe-inline'|https?:)/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('sends the policy and keeps the editor out of search engines', () => {
    const text = editorHtaccess({ name: 'forgejo', api_root: 'https://git.example.org/api/v1' });
    expect(contentSecurityPolicy(text)).toBe(editorContentSecurityPolicy({ name: 'forgejo', api_root: 'https://git.example.org/api/v1' }));
    expect(text).toContain('Header always set X-Robots-Tag "noindex, nofollow"');
  });
});
