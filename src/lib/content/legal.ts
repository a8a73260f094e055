import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { formatProblem, type Problem } from '#lib/checks/problem.ts';
import { text } from '#lib/content/schema.ts';
import { parseYamlFile } from '#lib/checks/yaml-file.ts';

// The facts of the Impressum and the privacy policy are content that the cooperative maintains
// (content/site/legal.yaml), not code: one schema with German messages checks them in
// `npm run check`, the pre-commit hook and the build, and the deploy refuses placeholders.

/** The legal data's file, relative to the project; `LEGAL_CONTENT_FILE` selects another (tests). */
export const legalFile = (env: NodeJS.ProcessEnv = process.env): string =>
  env['LEGAL_CONTENT_FILE'] ?? 'content/site/legal.yaml';

/** Every value that must be replaced before going live starts with this. */
export const PLACEHOLDER_PREFIX = '[Platzhalter';

/** Whether a legal value is still a placeholder. */
export const isPlaceholder = (value: string): boolean => value.trimStart().startsWith(PLACEHOLDER_PREFIX);

/** Text that may be empty: an optional part of a page that "" hides. */
const optional = (what: string) => z.string({ error: `fehlt; erwartet wird ${what} oder "" (leer)` }).trim();

/** Fields of content/site/legal.yaml (its comments say the same in German for the cooperative). */
export const legalSchema = z.strictObject(
  {
    /** Full name including the legal form. */
    name: text('der Name der Genossenschaft mit Rechtsform, z. B. "Hostsharing eG"'),
    /** Postal address for service of documents: no P.O. box. */
    address: z.strictObject(
      {
        street: text('Straße und Hausnummer'),
        postalCode: text('die Postleitzahl als Text, z. B. "20095"'),
        city: text('der Ort'),
        country: text('das Land, z. B. "Deutschland"'),
      },
      { error: 'erwartet werden street, postalCode, city und country' },
    ),
    email: text('eine E-Mail-Adresse').refine((value) => isPlaceholder(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      error: 'ist keine E-Mail-Adresse; erwartet wird z. B. "info@example.org"',
    }),
    phone: text('eine Telefonnummer, z. B. "+49 40 1234567"'),
    /** Members of the Vorstand, who represent the eG. */
    board: z
      .array(text('der Name eines Vorstandsmitglieds'), { error: 'erwartet wird eine Liste der Vorstandsmitglieder' })
      .min(1, { error: 'ist leer; erwartet wird mindestens ein Vorstandsmitglied' }),
    /** Chair of the Aufsichtsrat. */
    supervisoryBoardChair: text('der Name der oder des Aufsichtsratsvorsitzenden'),
    /** Court that keeps the Genossenschaftsregister, e. g. "Amtsgericht …". */
    registerCourt: text('das Registergericht, z. B. "Amtsgericht Hamburg"'),
    /** Entry in the Genossenschaftsregister, e. g. "GnR …". */
    registerNumber: text('die Nummer im Genossenschaftsregister, z. B. "GnR 1234"'),
    /** Umsatzsteuer-Identifikationsnummer; empty when the eG has none. */
    vatId: optional('die USt-IdNr.'),
    /** Auditing association (Prüfungsverband) the eG belongs to by § 54 GenG, with its address. */
    auditAssociation: text('Name und Anschrift des Prüfungsverbands'),
    /** Person responsible for the editorial content (§ 18 Abs. 2 MStV), with address. */
    editorialResponsible: z.strictObject(
      { name: text('der Name der verantwortlichen Person'), address: text('die Anschrift der verantwortlichen Person') },
      { error: 'erwartet werden name und address' },
    ),
    privacy: z.strictObject(
      {
        /** Contact of the data protection officer; empty when the eG has none. */
        dataProtectionOfficer: optional('der Kontakt der oder des Datenschutzbeauftragten'),
        /** Who runs the web server that writes the access log. */
        hosting: text('wer den Webserver betreibt'),
        /** How long the web server keeps its access log. */
        logRetention: text('die Speicherdauer der Server-Logdateien, z. B. "7 Tage"'),
        /** Supervisory authority for data protection responsible for the eG, with address. */
        supervisoryAuthority: text('die zuständige Datenschutz-Aufsichtsbehörde mit Anschrift'),
      },
      { error: 'erwartet werden dataProtectionOfficer, hosting, logRetention und supervisoryAuthority' },
    ),
  },
  { error: 'erwartet werden die Felder der Vorlage (name, address, email, …)' },
);

/** The legal facts as the pages use them. */
export type Legal = z.output<typeof legalSchema>;

/**
 * Dotted paths (`address.street`, `board.1`) of every string in `value` that is still a
 * placeholder, in the order they appear, so the check and the deploy can name what is missing.
 */
export function placeholderPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isPlaceholder(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholderPaths(item, path ? `${path}.${i}` : String(i)));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => placeholderPaths(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** The legal file read and checked: the data when it is valid, and every problem with its line. */
export interface LegalResult {
  legal: Legal | undefined;
  /** Errors: the YAML or a field is wrong. */
  problems: Problem[];
  /** One warning per value that is still a placeholder, with its line. */
  placeholders: Problem[];
}

/** Parses and validates the legal file's text; `file` names it in the problems. */
export function parseLegal(source: string, file: string): LegalResult {
  const { data, problems, at } = parseYamlFile(source, file, legalSchema, 'die Felder der Vorlage');
  if (data === undefined) return { legal: undefined, problems, placeholders: [] };
  const placeholders = placeholderPaths(data).map((path) => ({
    ...at(path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))),
    message: 'ist noch ein Platzhalter; erwartet wird die echte Angabe der Genossenschaft, bevor die Website live geht',
    severity: 'warning' as const,
  }));
  return { legal: data, problems: [], placeholders };
}

let loaded: { key: string; legal: Legal } | undefined;

/**
 * The legal facts for the Impressum and the privacy policy, read once per build from the
 * project `root`. Throws with every problem of the file: a page must never show half of them.
 */
export function loadLegal(root: string = process.cwd()): Legal {
  const file = legalFile();
  const key = join(root, file);
  if (loaded?.key === key) return loaded.legal;
  const { legal, problems } = parseLegal(readFileSync(key, 'utf8'), file);
  if (legal === undefined) throw new Error(`Fehler in ${file}:\n${problems.map(formatProblem).join('\n')}`);
  loaded = { key, legal };
  return legal;
}

/**
 * The one warning of the content check while placeholders are left: which fields, and that the
 * deploy will refuse them (`npm run deploy` names each with its line).
 */
export function placeholderSummary(file: string, placeholders: readonly Problem[]): Problem[] {
  if (placeholders.length === 0) return [];
  return [
    {
      file,
      message: `${placeholders.length} Angabe(n) für Impressum und Datenschutzerklärung sind noch Platzhalter (${placeholders.map((p) => p.field).join(', ')}); erwartet werden die echten Angaben der Genossenschaft – bis dahin veröffentlicht npm run deploy nicht`,
      severity: 'warning',
    },
  ];
}
