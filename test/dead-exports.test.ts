// Dead code: an exported function, constant or class whose name appears nowhere else in the tree,
// not even in its own file, is code nobody runs. (Types are left alone: a contract's inferred type
// is part of the API's vocabulary even before a page names it.)
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const files = execSync("git ls-files '*.ts'", { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.endsWith('.d.ts'));
const sources = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** How often each identifier appears in the whole tree, tests included. */
const uses = new Map<string, number>();
for (const source of sources.values())
  for (const [word] of source.matchAll(/[A-Za-z_$][\w$]*/g)) uses.set(word, (uses.get(word) ?? 0) + 1);

const EXPORTED_VALUE = /^export (?:async )?(?:function\*? |const |let |class )([A-Za-z_$][\w$]*)/gm;

describe('exports', () => {
  it('are each used somewhere besides their own declaration', () => {
    const unused: string[] = [];
    for (const [file, source] of sources) {
      if (file.startsWith('test/') || file.endsWith('.generated.ts')) continue;
      for (const m of source.matchAll(EXPORTED_VALUE)) if (uses.get(m[1]!) === 1) unused.push(`${file}: ${m[1]}`);
    }
    expect(unused).toEqual([]);
  });
});
