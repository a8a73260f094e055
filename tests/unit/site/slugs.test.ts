import { describe, expect, it } from 'vitest';
import { slugFromPath, toSlug } from '#lib/site/slugs.ts';

describe('toSlug', () => {
  it.each([
    ['Grüße aus Köln', 'gruesse-aus-koeln'],
    ['Größere Speicherpakete für Mitglieder', 'groessere-speicherpakete-fuer-mitglieder'],
    ['ÄRGER über Maß', 'aerger-ueber-mass'],
    ['Von OTRS 3 nach Znuny 6.3', 'von-otrs-3-nach-znuny-6-3'],
    ['Genossenschaftsgesetz geändert: Hostsharing war die Blaupause', 'genossenschaftsgesetz-geaendert-hostsharing-war-die-blaupause'],
    ['Backup & Restore', 'backup-und-restore'],
    ['  --Leerzeichen  überall-- ', 'leerzeichen-ueberall'],
    ['', ''],
  ])('%j → %j', (input, slug) => {
    expect(toSlug(input)).toBe(slug);
  });
});

describe('slugFromPath', () => {
  it.each([
    ['gemeinsam-gegen-malware', 'gemeinsam-gegen-malware'],
    ['gemeinsam-gegen-malware.mdx', 'gemeinsam-gegen-malware'],
    ['manchmal-fällt-das-frühstück-aus/index', 'manchmal-faellt-das-fruehstueck-aus'],
    ['manchmal-fällt-das-frühstück-aus/index.mdx', 'manchmal-faellt-das-fruehstueck-aus'],
    ['2022/grüße-aus-köln', 'gruesse-aus-koeln'],
    ['ordner\\straße.mdx', 'strasse'],
    ['index', 'index'],
  ])('%j → %j', (path, slug) => {
    expect(slugFromPath(path)).toBe(slug);
  });
});
