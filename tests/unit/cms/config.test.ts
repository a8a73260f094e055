import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { cmsConfig, localBackendUrl, postFormFields, requiredFieldNames, type EditorSettings } from '#lib/cms/config.ts';
import { postFields } from '#lib/content/schema.ts';
import { ui } from '#src/i18n/de.ts';

// The web editor's configuration comes from the post schema: a field added there appears in the
// form, with its German label and hint, and the forge settings decide where the editor commits.

const choices = { authors: [{ id: 'redaktion', name: 'Redaktion' }], topics: ['Betrieb', 'Sicherheit'] };
const forge: EditorSettings = {
  backend: { name: 'forgejo', repo: 'eg/blog', api_root: 'https://git.example.org/api/v1', app_id: 'abc', branch: 'main' },
  editorialWorkflow: true,
  localPort: 8081,
};
const collectionOf = (config: Record<string, unknown>) => (config['collections'] as Record<string, unknown>[])[0]!;

describe('the form of a post', () => {
  const fields = postFormFields(choices);

  it('has every field of the schema, in its order, then the body', () => {
    expect(fields.map((field) => field.name)).toEqual([...Object.keys(postFields(z.string())), 'body']);
  });

  it.each(Object.keys(postFields(z.string())))('labels %s in German, with a hint', (name) => {
    const field = fields.find((candidate) => candidate.name === name);
    expect(field?.label).toBe(ui.editor.fields[name as keyof typeof ui.editor.fields].label);
    expect(field?.hint).toMatch(/\S/);
  });

  it('leaves the judging to the check: Decap requires no field itself', () => {
    expect(fields.every((field) => field.required === false)).toBe(true);
    expect(requiredFieldNames()).toEqual(['title', 'date']);
  });

  it('offers the authors by name and names the known topics', () => {
    expect(fields.find((field) => field.name === 'author')?.['options']).toEqual([{ label: 'Redaktion', value: 'redaktion' }]);
    expect(fields.find((field) => field.name === 'tags')?.hint).toContain('Bisherige Themen: Betrieb, Sicherheit.');
  });

  it('stores days as the schema reads them and shows them the German way', () => {
    expect(fields.find((field) => field.name === 'date')).toMatchObject({ format: 'YYYY-MM-DD', date_format: 'DD.MM.YYYY', time_format: false });
  });

  it('edits the body as rich text only, with the site’s blocks', () => {
    expect(fields.at(-1)).toMatchObject({ name: 'body', modes: ['rich_text'], editor_components: ['note', 'teaser', 'image'] });
  });
});

describe('where the editor saves', () => {
  it('on this machine: the local backend on the loopback address, each save a file in the working copy', () => {
    const config = cmsConfig(choices, 'content/blog', 'local', forge);
    expect(config['backend']).toEqual({ name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' });
    expect(config).not.toHaveProperty('publish_mode');
    expect(localBackendUrl(9000)).toBe('http://127.0.0.1:9000/api/v1');
  });

  it('on the live site: the forge, with a branch and a merge request per post', () => {
    const config = cmsConfig(choices, 'content/blog', 'forge', forge);
    expect(config['backend']).toEqual(forge.backend);
    expect(config['publish_mode']).toBe('editorial_workflow');
    expect(cmsConfig(choices, 'content/blog', 'forge', { ...forge, editorialWorkflow: false })).not.toHaveProperty('publish_mode');
  });

  it('keeps posts in the blog folder, new ones as folders with their images beside them', () => {
    const collection = collectionOf(cmsConfig(choices, 'content/blog', 'forge', forge));
    expect(collection).toMatchObject({ folder: 'content/blog', path: '{{slug}}/index', extension: 'mdx', media_folder: '', public_folder: './', create: true });
    expect(cmsConfig(choices, 'content/blog', 'forge', forge)).toMatchObject({ locale: 'de', slug: { encoding: 'ascii', clean_accents: true } });
  });
});
