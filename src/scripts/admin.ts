// The web editor at /admin/: loads the generated configuration (src/lib/cms/config.ts) and Decap
// CMS, and teaches it the site's MDX (the `<Note>` box and the teaser marker as components, text
// written back with MDX's special characters escaped), a body that opens read-only when the editor
// could not keep it, and the content check's verdict before every save.
import { editorPaths } from '#lib/site/routes.ts';
import { BODY_WIDGET, POST_FORMAT, requiredFieldNames } from '#lib/cms/config.ts';
import { readPostFile, writePostFile, type PostFileData } from '#lib/cms/post-file.ts';
import { readOnlyReasons } from '#lib/cms/editable.ts';
import { formProblems, formatFormProblems } from '#lib/cms/form-check.ts';
import { mdxWriterPlugin } from '#lib/cms/mdx-blocks.ts';
import { editorComponents } from '#lib/cms/components.ts';
import { ui } from '#src/i18n/de.ts';

/** The parts of Decap's global API this script uses. */
interface Decap {
  init(options: { config: Record<string, unknown> }): void;
  registerEditorComponent(component: Record<string, unknown>): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerRemarkPlugin(plugin: unknown): void;
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(text: string): unknown; toFile(data: PostFileData, order?: string[]): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  getWidget(name: string): { control: unknown; preview: unknown };
}
interface ImmutableMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
}
type CreateElement = (type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Decap;
    h?: CreateElement;
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}

/** Loads a classic script and resolves once it has run. */
const loadScript = (src: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} konnte nicht geladen werden`));
    document.head.append(script);
  });

/** The live region where the check's problems stay until the next save (Decap's notices vanish). */
function problemsRegion(): HTMLElement {
  const region = document.getElementById('editor-problems');
  if (!region) throw new Error('#editor-problems fehlt in /admin/');
  return region;
}

function showProblems(text: string | undefined): void {
  const region = problemsRegion();
  region.replaceChildren();
  region.hidden = text === undefined;
  if (text === undefined) return;
  const [heading = '', ...lines] = text.split('\n');
  const title = document.createElement('p');
  title.textContent = heading;
  const list = document.createElement('ul');
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = ui.editor.closeProblems;
  close.addEventListener('click', () => showProblems(undefined));
  region.append(title, list, close);
}

/**
 * Decap marks every field it does not require as "(optional)" in a span of its label, and it
 * requires none (src/lib/cms/config.ts): the marks go for what the check requires, the text
 * of a post going live, and a picture's file and alt text.
 */
function hideOptionalMarks(names: readonly string[]): void {
  const style = document.createElement('style');
  style.textContent = `${names.map((name) => `label[for^="${name}-field-"] > span`).join(', ')} { display: none; }`;
  document.head.append(style);
}

async function start(): Promise<void> {
  window.CMS_MANUAL_INIT = true;
  const [config] = await Promise.all([
    fetch(editorPaths.config).then((response) => response.json() as Promise<Record<string, unknown>>),
    loadScript(editorPaths.script),
  ]);
  const { CMS, h, createClass } = window;
  if (!CMS || !h || !createClass) throw new Error('Decap CMS hat sich nicht gemeldet');
  const markdown = CMS.getWidget('markdown');
  hideOptionalMarks([...requiredFieldNames(), 'body', 'src', 'alt']);

  // The body: Decap's Markdown editor, unless the body holds what it would rewrite; then the text
  // is shown as it is, and saving keeps it byte for byte. Decided once, when the entry opens.
  const BodyControl = createClass({
    getInitialState(this: { props: { value?: unknown } }) {
      return { reasons: readOnlyReasons(typeof this.props.value === 'string' ? this.props.value : '') };
    },
    render(this: { props: Record<string, unknown>; state: { reasons: string[] } }) {
      const { reasons } = this.state;
      if (reasons.length === 0) return h(markdown.control, this.props);
      return h(
        'div',
        { className: 'blog-readonly', role: 'note', 'data-readonly': 'true' },
        h('p', null, h('strong', null, ui.editor.readOnly.title)),
        h('p', null, ui.editor.readOnly.explain(reasons.join(', '))),
        h('pre', { tabIndex: 0, 'aria-label': ui.editor.fields.body.label }, String(this.props['value'] ?? '')),
      );
    },
  });
  CMS.registerWidget(BODY_WIDGET, BodyControl, markdown.preview);
  for (const component of editorComponents) CMS.registerEditorComponent(component);
  CMS.registerRemarkPlugin(mdxWriterPlugin);
  CMS.registerCustomFormat(POST_FORMAT, 'mdx', { fromFile: readPostFile, toFile: (data, order) => writePostFile(data, order) });

  const authorIds = new Set(
    ((config['collections'] as { fields: { name: string; options?: { value: string }[] }[] }[])[0]?.fields ?? [])
      .find((field) => field.name === 'author')
      ?.options?.map((option) => option.value) ?? [],
  );
  // Thrown here, the save is stopped and Decap shows the message; the region keeps it in view.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = (entry.get('data') as ImmutableMap).toJS();
      const problems = formProblems(data, authorIds);
      if (problems.length > 0) {
        const text = formatFormProblems(problems);
        showProblems(text);
        throw new Error(text);
      }
      showProblems(undefined);
      return undefined;
    },
  });
  CMS.init({ config: { ...config, load_config_file: false } });
}

void start();
