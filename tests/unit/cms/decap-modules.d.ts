// The parts of Decap CMS's packages that tests/unit/cms/decap-markdown.ts loads; they ship no types.
declare module 'decap-cms-widget-markdown/dist/esm/serializers/index.js' {
  interface Options {
    remarkPlugins?: unknown[];
  }
  export function markdownToSlate(markdown: string, options?: Options): unknown;
  export function slateToMarkdown(slate: unknown, options?: Options): string;
}
declare module 'decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js' {
  export default class MarkdownControl {
    constructor(props: Record<string, unknown>);
  }
}
declare module 'decap-cms-core/dist/esm/valueObjects/EditorComponent.js' {
  export default function createEditorComponent(config: Record<string, unknown>): unknown;
}
