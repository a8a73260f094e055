import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`); the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, reproducible headless run; Playwright adds its own throwaway profile. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT = 'sudo apt-get install --no-install-recommends chromium fonts-dejavu-core';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

/** `CI` set to anything but an explicit no, as CI services do. */
export const isCI = (): boolean => !!process.env['CI'] && !['0', 'false'].includes(process.env['CI'].toLowerCase());
