// The YAML parser's errors (`BLOCK_AS_IMPLICIT_KEY`, `BAD_INDENT` …) mean nothing to an editor,
// and some point at the line after the mistake. This turns the common ones into German, with the
// fix, at the line where the editor has to change something.

/** An error of the `yaml` package, as much of it as the explanation needs. */
export interface YamlError {
  code: string;
  message: string;
  /** 1-based line the parser reports, within `source`. */
  line: number;
}

/** A mistake in a YAML block, worded for editors. */
export interface YamlMistake {
  /** 1-based line within the YAML text. */
  line: number;
  message: string;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The nearest line at or above `from` (1-based) for which `test` holds, or `from`. */
function lineAbove(lines: readonly string[], from: number, test: (line: string) => boolean): number {
  for (let line = Math.min(from, lines.length); line >= 1; line -= 1) {
    if (test(lines[line - 1] ?? '')) return line;
  }
  return from;
}

const QUOTE_HINT = 'z. B. title: "Neu: Tarife ab Januar"';

/** A German explanation of one YAML error in `source`, at the line to fix. */
export function explainYamlError(error: YamlError, source: string): YamlMistake {
  const lines = source.split('\n');
  const at = lines[error.line - 1] ?? '';
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      if (/^\s*[\w-]+:[^\s]/.test(at) && !/^\s*[\w-]+:\/\//.test(at)) {
        return { line: error.line, message: 'nach dem Doppelpunkt fehlt ein Leerzeichen; erwartet wird „feld: wert“, z. B. title: "Mein Titel"' };
      }
      return {
        line: error.line,
        message: `ein Doppelpunkt im Wert: YAML liest ihn als neues Feld; erwartet wird der ganze Wert in Anführungszeichen, ${QUOTE_HINT}`,
      };
    case 'MISSING_CHAR':
      if (/\]/.test(error.message)) break;
      if (/quote/i.test(error.message)) {
        return {
          line: lineAbove(lines, error.line, (line) => count(line, '"') % 2 === 1 || count(line, "'") % 2 === 1),
          message: 'ein Anführungszeichen wird nicht geschlossen; erwartet wird am Ende des Werts dasselbe Zeichen wie am Anfang, z. B. title: "Mein Titel"',
        };
      }
      return { line: error.line, message: `ein Zeichen fehlt (${error.message.replace(/\.$/, '')}); erwartet wird je Zeile „feld: wert“` };
    case 'UNEXPECTED_TOKEN':
      if (/["']/.test(at)) {
        return {
          line: error.line,
          message: 'Anführungszeichen im Wert beenden ihn zu früh; erwartet werden innen „deutsche“ Anführungszeichen, z. B. title: "Er sagte „Hallo“" (oder bei \'…\' ein Apostroph doppelt: \'\')',
        };
      }
      break;
    case 'TAB_AS_INDENT':
      return { line: error.line, message: 'ein Tabulator rückt die Zeile ein; erwartet werden Leerzeichen (zwei je Ebene)' };
    case 'DUPLICATE_KEY':
      return { line: error.line, message: 'dieses Feld steht zweimal da; erwartet wird jedes Feld nur einmal' };
    case 'BAD_SCALAR_START':
      return { line: error.line, message: `der Wert beginnt mit einem Zeichen, das YAML besonders liest (@, \`, %, &, *, !, |, >); erwartet wird der Wert in Anführungszeichen, ${QUOTE_HINT}` };
    default:
      break;
  }
  if (/flow sequence|flow collection|\]/i.test(error.message) || (error.code === 'MISSING_CHAR' && /\]/.test(error.message))) {
    return {
      line: lineAbove(lines, error.line, (line) => count(line, '[') > count(line, ']')),
      message: 'die Liste wird nicht geschlossen; erwartet wird eine schließende eckige Klammer, z. B. tags: ["Sicherheit", "Technik"]',
    };
  }
  if (error.code === 'BAD_INDENT') {
    return { line: error.line, message: 'die Zeile ist anders eingerückt als die Felder darüber; erwartet wird jedes Feld am Zeilenanfang, Unterfelder (wie src: und alt: unter image:) mit zwei Leerzeichen' };
  }
  return { line: error.line, message: `kein gültiges YAML (${error.code}); erwartet wird je Zeile „feld: wert“, Texte in Anführungszeichen` };
}
