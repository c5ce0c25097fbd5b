// Codemod for issue 17, step 3: repositories take their tables from `db.tables`. In the given
// files every value use of a table imported from `../schema.js` is served by a line
// `const { feedback, promises } = db.tables;` at the top of the outermost function around it that
// has a connection parameter (a `Db`, `Tx` or `DbOrTx`; an expression-bodied arrow becomes a
// block). Imports left only for types become `import type`. A use with no such function around it
// (module scope, a helper without a connection) makes that declaration take the schema: a helper
// function gets a first parameter `tables: Tables` (its calls pass `db.tables`), a module constant
// becomes `byTables((tables) => ...)` (db/repositories/tables.ts; its uses become `X(db.tables)`),
// repeated until every use has a schema. An exported one changed so is listed as `EXPORTED`
// (other files' calls need the schema too: tsc lists them); a helper passed as a value is listed
// as `LEFT`. Re-run it over a branch written against imported tables: a file whose tables already
// come from `db.tables` has nothing to change.
//
//   npx tsx scripts/codemod-db-schema.ts [--dry] db/repositories/*.ts
import ts from 'typescript';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readFileSync, writeFileSync } from 'node:fs';
import * as schema from '../db/schema.js';

const args = process.argv.slice(2);
const dry = args.includes('--dry');
const files = args.filter((a) => !a.startsWith('--'));
const tableNames = new Set(Object.entries(schema).flatMap(([name, value]) => (is(value, SQLiteTable) ? [name] : [])));
const CONNECTION_TYPE = /^(Db|Tx|DbOrTx|Pick<Db,.*>)$/;

type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;
const isFn = (n: ts.Node): n is Fn =>
  ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n);

/** The name of `fn`'s first parameter typed as a connection, if any. */
function connectionParam(fn: Fn): string | undefined {
  for (const p of fn.parameters) {
    if (!ts.isIdentifier(p.name)) continue;
    if (p.type ? CONNECTION_TYPE.test(p.type.getText()) : /^(db|tx)$/.test(p.name.text)) return p.name.text;
  }
  return undefined;
}

const inType = (n: ts.Node): boolean => {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isTypeNode(p)) return true;
    if (ts.isStatement(p) || isFn(p)) return false;
  }
  return false;
};

type Edit = { at: number; text: string; order: number };

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const importDecl = source.statements.find(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) && (s.moduleSpecifier as ts.StringLiteral).text === '../schema.js',
  );
  const named = importDecl?.importClause?.namedBindings;
  if (!importDecl || !named || !ts.isNamedImports(named) || importDecl.importClause?.isTypeOnly) continue;
  const imported = named.elements.filter((e) => !e.isTypeOnly && tableNames.has(e.name.text)).map((e) => e.name.text);
  if (imported.length === 0) continue;

  /** Top-level declarations made to take the schema: a helper function or a module constant. */
  const derived = new Map<string, { kind: 'fn' | 'const'; node: ts.Node; exported: boolean }>();
  const topOf = (n: ts.Node): ts.Statement | undefined => {
    for (let p: ts.Node | undefined = n; p; p = p.parent) if (p.parent === source) return p as ts.Statement;
    return undefined;
  };
  const nameOfTop = (st: ts.Statement): { name: string; kind: 'fn' | 'const'; node: ts.Node } | undefined => {
    if (ts.isFunctionDeclaration(st) && st.name) return { name: st.name.text, kind: 'fn', node: st };
    if (ts.isVariableStatement(st) && st.declarationList.declarations.length === 1) {
      const d = st.declarationList.declarations[0]!;
      if (!ts.isIdentifier(d.name) || !d.initializer) return undefined;
      const init = d.initializer;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        return { name: d.name.text, kind: 'fn', node: init };
      return { name: d.name.text, kind: 'const', node: d };
    }
    return undefined;
  };
  /** Where the schema comes from at `n`: the outermost connection parameter or derived helper. */
  const schemaAt = (n: ts.Node): { fn: ts.Node; expr: string } | undefined => {
    let found: { fn: ts.Node; expr: string } | undefined;
    for (let q: ts.Node | undefined = n.parent; q; q = q.parent) {
      const d = [...derived.values()].find((x) => x.node === q);
      if (d) return { fn: q, expr: 'tables' };
      if (isFn(q)) {
        const param = connectionParam(q);
        if (param) found = { fn: q, expr: `${param}.tables` };
      }
    }
    return found;
  };
  const isNameNode = (n: ts.Identifier) => {
    const p = n.parent;
    return (
      (ts.isPropertyAccessExpression(p) && p.name === n) ||
      (ts.isPropertyAssignment(p) && p.name === n) ||
      (ts.isQualifiedName(p) && p.right === n) ||
      ts.isBindingElement(p) ||
      ts.isImportSpecifier(p) ||
      (ts.isFunctionDeclaration(p) && p.name === n) ||
      (ts.isVariableDeclaration(p) && p.name === n) ||
      (ts.isShorthandPropertyAssignment(p) === false && false)
    );
  };
  const refs: { n: ts.Identifier; inTypes: boolean }[] = [];
  const collect = (n: ts.Node) => {
    if (ts.isIdentifier(n) && n.parent && !isNameNode(n)) refs.push({ n, inTypes: inType(n) });
    ts.forEachChild(n, collect);
  };
  collect(source);
  // Until every use of a table (or of what was made to take the schema) has a schema around it.
  for (let grew = true; grew;) {
    grew = false;
    for (const { n, inTypes } of refs) {
      if (inTypes || !(imported.includes(n.text) || derived.has(n.text))) continue;
      if (schemaAt(n)) continue;
      const top = topOf(n);
      const decl = top && nameOfTop(top);
      if (!decl || derived.has(decl.name)) continue;
      const exported = !!ts.getModifiers(top as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      derived.set(decl.name, { kind: decl.kind, node: decl.node, exported });
      grew = true;
    }
  }

  const edits: Edit[] = [];
  const needs = new Map<ts.Node, { expr: string; tables: Set<string> }>();
  const typeUses = new Set<string>();
  const left = new Set<string>();
  for (const { n, inTypes } of refs) {
    if (inTypes) {
      if (imported.includes(n.text)) typeUses.add(n.text);
      continue;
    }
    const d = derived.get(n.text);
    if (!imported.includes(n.text) && !d) continue;
    const at = schemaAt(n);
    if (!at) {
      left.add(n.text);
      const { line } = source.getLineAndCharacterOfPosition(n.getStart());
      console.log(`LEFT ${file}:${line + 1} ${n.text} (no connection parameter around it)`);
      continue;
    }
    if (!d) {
      const need = needs.get(at.fn) ?? { expr: at.expr, tables: new Set<string>() };
      need.tables.add(n.text);
      needs.set(at.fn, need);
    } else if (d.kind === 'const') {
      edits.push({ at: n.getEnd(), text: `(${at.expr})`, order: 0 });
    } else if (ts.isCallExpression(n.parent) && n.parent.expression === n) {
      const call = n.parent;
      const open = text.indexOf('(', n.getEnd());
      edits.push({ at: open + 1, text: call.arguments.length ? `${at.expr}, ` : at.expr, order: 0 });
    } else {
      left.add(n.text);
      const { line } = source.getLineAndCharacterOfPosition(n.getStart());
      console.log(`LEFT ${file}:${line + 1} ${n.text} (a helper that now takes the schema, passed as a value)`);
    }
  }
  for (const [name, d] of derived) {
    if (d.exported) console.log(`EXPORTED ${file} ${name} now takes the schema: update its callers`);
    if (d.kind === 'fn') {
      const fn = d.node as Fn;
      const open = fn.parameters.pos;
      edits.push({ at: open, text: fn.parameters.length ? 'tables: Tables, ' : 'tables: Tables', order: 0 });
    }
  }
  for (const [fn, { expr, tables }] of needs) {
    const line = `const { ${[...tables].sort().join(', ')} } = ${expr};`;
    const d = [...derived.values()].find((x) => x.node === fn);
    const init = d?.kind === 'const' ? (fn as ts.VariableDeclaration).initializer : undefined;
    if (init) {
      edits.push({ at: init.getStart(), text: `byTables((tables) => {\n${line}\nreturn `, order: 1 });
      edits.push({ at: init.getEnd(), text: `;\n})`, order: -1 });
      continue;
    }
    const body = (fn as Fn).body!;
    if (ts.isBlock(body)) edits.push({ at: body.getStart() + 1, text: `\n${line}`, order: 0 });
    else {
      edits.push({ at: body.getStart(), text: `{\n${line}\nreturn `, order: 1 });
      edits.push({ at: body.getEnd(), text: `;\n}`, order: -1 });
    }
  }
  // A derived constant naming no table itself (only other derived names) still takes the schema.
  for (const d of derived.values()) {
    if (d.kind !== 'const' || needs.has(d.node)) continue;
    const init = (d.node as ts.VariableDeclaration).initializer!;
    edits.push({ at: init.getStart(), text: `byTables((tables) => `, order: 1 });
    edits.push({ at: init.getEnd(), text: `)`, order: -1 });
  }

  // The import keeps what is still used outside a connection's function, and what types name.
  const keepValues = named.elements.filter(
    (e) => e.isTypeOnly || !tableNames.has(e.name.text) || left.has(e.name.text),
  );
  const keepTypes = imported.filter((t) => !left.has(t) && typeUses.has(t));
  const specifiers = [
    ...keepValues.map((e) => e.getText()),
    ...keepTypes.map((t) => (keepValues.length > 0 ? `type ${t}` : t)),
  ].sort((a, b) => a.replace(/^type /, '').localeCompare(b.replace(/^type /, '')));
  let importText =
    specifiers.length === 0
      ? ''
      : keepValues.length === 0
        ? `import type { ${specifiers.join(', ')} } from '../schema.js';`
        : `import { ${specifiers.join(', ')} } from '../schema.js';`;
  const usesBySchema = [...derived.values()].some((d) => d.kind === 'const');
  const usesTables = [...derived.values()].some((d) => d.kind === 'fn');
  if (usesBySchema && !/import \{ byTables \} from '\.\/tables\.js'/.test(text))
    importText += `\nimport { byTables } from './tables.js';`;
  if (usesTables && !/\bTables\b.*from '\.\.\/client\.js'/.test(text))
    importText += `\nimport type { Tables } from '../client.js';`;

  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at || a.order - b.order))
    out = out.slice(0, e.at) + e.text + out.slice(e.at);
  // Last: every other edit lies after the import, so its offsets still hold.
  out = out.slice(0, importDecl.getStart()) + importText + out.slice(importDecl.getEnd());
  console.log(`${file}: ${needs.size} places take tables from a schema, ${derived.size} declarations take the schema`);
  if (!dry) writeFileSync(file, out);
}
