interface ImportMetaEnv {
  /** True only under `astro dev` (see src/integration/preview-mode.ts). */
  readonly BLOG_PREVIEW: boolean;
}
