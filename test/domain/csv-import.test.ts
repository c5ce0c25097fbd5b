import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkCsv, parseCsv, suggestMapping, toCsv } from '../../server/domain/csv-import.js';

const row = z.object({ name: z.string(), score: z.coerce.number().int().min(0, 'Too small') });

describe('checkCsv', () => {
  it('maps columns, keeps quoted commas and line breaks, and numbers rows as a spreadsheet does', () => {
    const csv = 'Pupil,Points\r\n"Smith, A",3\r\n"two\nlines",4\r\n';
    const out = checkCsv(csv, { name: 'Pupil', score: 'Points' }, row);
    expect(out.problems).toEqual([]);
    expect(out.rowCount).toBe(2);
    expect(out.rows).toEqual([
      { row: 2, value: { name: 'Smith, A', score: 3 } },
      { row: 3, value: { name: 'two\nlines', score: 4 } },
    ]);
  });

  it('reports every problem by row and column heading', () => {
    const csv = 'Pupil,Points\nA,-1\n,2\nC,x\n';
    const out = checkCsv(csv, { name: 'Pupil', score: 'Points' }, row);
    expect(out.rows).toEqual([]);
    expect(out.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Points'],
      [3, 'Pupil'],
      [4, 'Points'],
    ]);
    expect(out.problems[0]!.message).toBe('Too small');
    expect(out.problems[1]!.message).toBe('This cell is empty');
  });

  it('stops at mapping problems: missing heading or unmapped required field', () => {
    const out = checkCsv('A,B\n1,2\n', { name: 'Nope' }, row, { required: ['name', 'score'] });
    expect(out.problems).toEqual([
      { row: 1, column: 'Nope', message: 'No column is headed “Nope”' },
      { row: 1, column: 'score', message: 'Choose the column for score' },
    ]);
  });

  it('reports malformed CSV, an empty file and too many rows without throwing', () => {
    expect(checkCsv('a,b\n"open,1\n', { name: 'a' }, row).problems[0]!.message).toMatch(/not valid CSV/);
    expect(checkCsv('', {}, row).problems[0]!.message).toMatch(/empty/);
    expect(checkCsv('a\n1\n2\n3\n', { name: 'a' }, row, { maxRows: 2 }).problems[0]!.message).toMatch(/at most 2/);
  });

  it('runs extra checks and leaves failing rows out', () => {
    const out = checkCsv('n,s\nA,1\nB,2\n', { name: 'n', score: 's' }, row, {
      extraCheck: (v) => (v.name === 'B' ? [{ field: 'name', message: 'Not B' }] : []),
    });
    expect(out.rows.map((r) => r.row)).toEqual([2]);
    expect(out.problems).toEqual([{ row: 3, column: 'n', message: 'Not B' }]);
  });
});

describe('checkCsv defaults and a file parsed once', () => {
  const scored = z.object({ name: z.string(), score: z.coerce.number().int(), team: z.string().optional() });

  it('uses a default for an empty cell and for a field with no column, and reports a cell empty with no default', () => {
    const csv = 'Pupil,Points\nA,\n,2\nC,5\n';
    const out = checkCsv(csv, { name: 'Pupil', score: 'Points' }, scored, { defaults: { score: '1', team: 'Red' } });
    expect(out.rows).toEqual([
      { row: 2, value: { name: 'A', score: 1, team: 'Red' } },
      { row: 4, value: { name: 'C', score: 5, team: 'Red' } },
    ]);
    expect(out.problems).toEqual([{ row: 3, column: 'Pupil', message: 'This cell is empty' }]);
  });

  it('treats an empty default as none', () => {
    const out = checkCsv('Pupil,Points\nA,\n', { name: 'Pupil', score: 'Points' }, scored, {
      defaults: { score: '', team: '' },
    });
    expect(out.rows).toEqual([]);
    expect(out.problems).toEqual([{ row: 2, column: 'Points', message: 'This cell is empty' }]);
  });

  it('checks a file parsed once (with a BOM and CRLF) exactly as it checks its text', () => {
    const csv = '\uFEFFPupil,Points\r\n"Smith, A",3\r\n"two\r\nlines",4\r\nB,x\r\n';
    const mapping = { name: 'Pupil', score: 'Points' };
    const parsed = parseCsv(csv);
    expect(parsed.headers).toEqual(['Pupil', 'Points']);
    expect(checkCsv(parsed, mapping, row)).toEqual(checkCsv(csv, mapping, row));
    expect(checkCsv(parsed, mapping, row).rows).toEqual([
      { row: 2, value: { name: 'Smith, A', score: 3 } },
      { row: 3, value: { name: 'two\r\nlines', score: 4 } },
    ]);
  });
});

describe('toCsv and suggestMapping', () => {
  it('round-trips through parseCsv and defuses spreadsheet formulas', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x, "y"', 'line\nbreak'],
        ['=SUM(A1)', -2],
        [' padded ', true],
        [null, undefined],
      ],
    );
    expect(text).toBe('a,b\r\n"x, ""y""","line\nbreak"\r\n\'=SUM(A1),-2\r\n" padded ",true\r\n,\r\n');
    expect(parseCsv(text).records).toEqual([
      ['x, "y"', 'line\nbreak'],
      ["'=SUM(A1)", '-2'],
      [' padded ', 'true'],
      ['', ''],
    ]);
  });

  it('suggests a mapping from headings equal to a field or an alias, any case', () => {
    expect(suggestMapping(['Comment', 'DATE', 'other'], { text: ['comment'], heardOn: ['date'], x: [] })).toEqual({
      text: 'Comment',
      heardOn: 'DATE',
    });
  });
});
