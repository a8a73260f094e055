import { describe, expect, it } from 'vitest';
import { rawDateProblem } from '../../src/lib/frontmatter.ts';

const doc = (dateLine: string) => `---\ntitle: "X"\n${dateLine}\n---\n\nText\n`;

describe('rawDateProblem', () => {
  it.each(['date: 2022-08-12', 'date: "2022-08-12"', "date: '2024-02-29'", 'date: 2022-08-12 # Kommentar', ''])(
    'accepts %j',
    (line) => {
      expect(rawDateProblem(doc(line))).toBeUndefined();
    },
  );

  it.each(['date: 2022-02-30', 'date: "2023-02-29"', 'date: 12.08.2022', 'date: 2022-13-01'])(
    'reports %j',
    (line) => {
      expect(rawDateProblem(doc(line))).toMatch(/^date: „.*“ ist kein gültiger Tag; erwartet wird .*JJJJ-MM-TT/);
    },
  );

  it('ignores text without frontmatter', () => {
    expect(rawDateProblem('date: 2022-02-30')).toBeUndefined();
  });
});
