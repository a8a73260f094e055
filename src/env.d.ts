interface ImportMetaEnv {
  /** True only under `astro dev` (see src/integrations/preview-mode.ts). */
  readonly BLOG_PREVIEW: boolean;
}
