// Decap CMS's own Markdown reader and writer (decap-cms-widget-markdown), outside a browser, with
// the site's editor components and writer plugin: what the web editor's rich text makes of a post
// body once an editor changes it. Its modules expect a few browser globals at import time; these
// stubs are enough, as the serializers themselves touch no DOM.
import { Map as ImmutableMap } from 'immutable';
import { editorComponents } from '#lib/cms/components.ts';
import { mdxWriterPlugin } from '#lib/cms/mdx-blocks.ts';

const globals = globalThis as Record<string, unknown>;
globals['window'] ??= globalThis;
globals['localStorage'] ??= { getItem: () => null, setItem: () => undefined };
globals['document'] ??= { documentElement: { style: {} }, createElement: () => ({ style: {} }), addEventListener: () => undefined };
Object.defineProperty(globalThis, 'navigator', { value: { platform: 'Linux', userAgent: 'node' }, configurable: true });

const { markdownToSlate, slateToMarkdown } = await import('decap-cms-widget-markdown/dist/esm/serializers/index.js');
const { default: MarkdownControl } = await import('decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js');
const { default: createEditorComponent } = await import('decap-cms-core/dist/esm/valueObjects/EditorComponent.js');

// Decap hands the registered components to the serializers through the Markdown control.
const components = ImmutableMap(editorComponents.map((component) => [component.id, createEditorComponent(component)]));
new MarkdownControl({ getEditorComponents: () => components, editorControl: () => null, field: ImmutableMap() });

const options = { remarkPlugins: [mdxWriterPlugin] };

/** A body as the rich text writes it back after an edit anywhere in it. */
export const rewriteBody = (body: string): string => slateToMarkdown(markdownToSlate(body, options), options) as string;
