import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '#lib/checks/problem.ts';
import { isPlaceholder, legalFile, loadLegal, parseLegal, placeholderPaths, placeholderSummary } from '#lib/content/legal.ts';
import { ROOT } from '../../build/helpers.ts';

describe('isPlaceholder', () => {
  it.each([
    ['[Platzhalter: PLZ]', true],
    ['  [Platzhalter]', true],
    ['Hostsharing eG', false],
    ['', false],
    ['Siehe [Platzhalter]', false],
  ])('%j → %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});

describe('placeholderPaths', () => {
  it('names every placeholder in nested objects and lists, in order', () => {
    const legal = {
      name: 'Beispiel eG',
      address: { street: '[Platzhalter: Straße]', city: 'Musterstadt' },
      board: ['Erika Muster', '[Platzhalter: Vorstand 2]'],
      privacy: { logRetention: '[Platzhalter: Dauer]' },
    };
    expect(placeholderPaths(legal)).toEqual(['address.street', 'board.1', 'privacy.logRetention']);
  });

  it('finds nothing in filled-in data', () => {
    expect(placeholderPaths({ name: 'Beispiel eG', board: ['A', 'B'], count: 3 })).toEqual([]);
  });

  it('finds the placeholders the site still ships with, and never in the name', () => {
    const open = placeholderPaths(loadLegal(ROOT));
    expect(open).not.toContain('name');
    expect(open).toEqual(expect.arrayContaining(['address.street', 'registerNumber', 'editorialResponsible.name']));
  });
});

/** A complete legal file as the cooperative would fill it in (invented sample values). */
const FILLED = readFileSync(join(ROOT, 'tests/fixtures/legal-filled.yaml'), 'utf8');

const lines = (source: string) => {
  const result = parseLegal(source, 'content/site/legal.yaml');
  return { errors: result.problems.map(formatProblem), placeholders: result.placeholders.map(formatProblem) };
};

describe('parseLegal: content/site/legal.yaml, with the line of each problem', () => {
  it('takes a filled-in file without a word', () => {
    expect(lines(FILLED)).toEqual({ errors: [], placeholders: [] });
    expect(parseLegal(FILLED, 'x').legal?.board).toEqual(['Erika Beispiel', 'Max Muster']);
  });

  it.each([
    ['a missing field', FILLED.replace('phone: "+49 40 1234567"\n', ''), [expect.stringMatching(/^content\/site\/legal\.yaml: phone: fehlt; erwartet wird eine Telefonnummer/)]],
    ['an empty required field', FILLED.replace('city: "Hamburg"', 'city: ""'), ['content/site/legal.yaml:5: address.city: ist leer; erwartet wird der Ort']],
    ['a misspelt field', FILLED.replace('phone:', 'telefon:'), [expect.stringMatching(/^content\/site\/legal\.yaml: phone: fehlt/), expect.stringMatching(/^content\/site\/legal\.yaml:8: telefon: unbekanntes Feld \(telefon\)/)]],
    ['a wrong e-mail address', FILLED.replace('info@example.org', 'info-at-example.org'), ['content/site/legal.yaml:7: email: ist keine E-Mail-Adresse; erwartet wird z. B. "info@example.org"']],
    ['no board member', FILLED.replace('board:\n  - "Erika Beispiel"\n  - "Max Muster"', 'board: []'), ['content/site/legal.yaml:9: board: ist leer; erwartet wird mindestens ein Vorstandsmitglied']],
    ['a number where text is expected', FILLED.replace('postalCode: "20095"', 'postalCode: 20095'), [expect.stringMatching(/^content\/site\/legal\.yaml:4: address\.postalCode: /)]],
    ['broken YAML', FILLED.replace('city: "Hamburg"', 'city: "Hamburg'), [expect.stringMatching(/^content\/site\/legal\.yaml:5: ein Anführungszeichen wird nicht geschlossen/)]],
  ])('names %s', (_, source, errors) => {
    expect(lines(source).errors).toEqual(errors);
  });

  it('names each placeholder at its line, and sums them up in one warning for the check', () => {
    const source = FILLED.replace('"Max Muster"', '"[Platzhalter: Vorstand 2]"').replace('"GnR 0000"', '"[Platzhalter: Nummer]"');
    const result = parseLegal(source, 'content/site/legal.yaml');
    expect(result.placeholders.map(formatProblem)).toEqual([
      'content/site/legal.yaml:11: Warnung: board.1: ist noch ein Platzhalter; erwartet wird die echte Angabe der Genossenschaft, bevor die Website live geht',
      'content/site/legal.yaml:14: Warnung: registerNumber: ist noch ein Platzhalter; erwartet wird die echte Angabe der Genossenschaft, bevor die Website live geht',
    ]);
    expect(placeholderSummary('content/site/legal.yaml', result.placeholders).map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/site\/legal\.yaml: Warnung: 2 Angabe\(n\) .* \(board\.1, registerNumber\); .* npm run deploy nicht$/),
    ]);
    expect(placeholderSummary('x', [])).toEqual([]);
  });

  it('reads the file the project ships with: valid, with placeholders still to fill in', () => {
    const result = parseLegal(readFileSync(join(ROOT, legalFile({})), 'utf8'), legalFile({}));
    expect(result.problems).toEqual([]);
    expect(result.placeholders.length).toBeGreaterThan(0);
  });
});
