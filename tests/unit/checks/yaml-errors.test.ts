import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { explainYamlError } from '#lib/checks/yaml-errors.ts';

/** The first error the `yaml` package reports for `source`, explained. */
const explain = (source: string) => {
  const [error] = parseDocument(source, { prettyErrors: false }).errors;
  if (!error) throw new Error('no YAML error');
  const line = source.slice(0, error.pos[0]).split('\n').length;
  return explainYamlError({ code: error.code, message: error.message, line }, source);
};

describe('explainYamlError: German, with the fix, at the line to change', () => {
  it.each([
    ['a colon in a value', 'title: Neu: Tarife', 1, /^ein Doppelpunkt im Wert/],
    ['a list left open, one line before the parser notices', 'title: "A"\ntags: [a, b\ndate: 2022-01-01\ndraft: true', 2, /^die Liste wird nicht geschlossen/],
    ['a quote left open', 'title: "A"\ndescription: "Text\ndate: 2022-01-01', 2, /^ein Anführungszeichen wird nicht geschlossen/],
    ['an apostrophe inside single quotes', "title: 'Es geht's los'", 1, /^Anführungszeichen im Wert beenden ihn zu früh/],
    ['a value starting with @', 'title: @home', 1, /^der Wert beginnt mit einem Zeichen, das YAML besonders liest/],
    ['a field indented by mistake', 'title: "A"\n  date: 2022-01-01', 2, /^die Zeile ist anders eingerückt/],
    ['a tab', 'title: "A"\n\tdate: 2022-01-01', 2, /^ein Tabulator/],
    ['a field twice', 'date: 2022-01-01\ndate: 2022-01-02', 2, /^dieses Feld steht zweimal da/],
  ])('%s', (_, source, line, message) => {
    const mistake = explain(source);
    expect(mistake.line).toBe(line);
    expect(mistake.message).toMatch(message);
  });

  it('names the parser code of an error it has no words for, with the general rule', () => {
    expect(explainYamlError({ code: 'SOMETHING_NEW', message: 'odd', line: 3 }, 'a: 1')).toEqual({
      line: 3,
      message: 'kein gültiges YAML (SOMETHING_NEW); erwartet wird je Zeile „feld: wert“, Texte in Anführungszeichen',
    });
  });
});
