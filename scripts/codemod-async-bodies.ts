// Codemod for issue 17, step 2: the bodies. In the given repository files every drizzle query
// finished with SQLite's synchronous `.get()`, `.all()` or `.run()` is awaited instead, which
// both engines' drivers support (`.get()` becomes `(await q.limit(1))[0]`, `.limit(1)` only on a
// select that has none). The function holding it becomes async: a `write`/`writeAside`/
// `readTogether`/`writeSettings` body, or a named function, whose every call (in any file) is
// awaited in turn, its caller becoming async too, as scripts/codemod-async.ts does for step 1.
//
// What cannot become async safely stays as it is, and the run says so: a query inside a `.map`
// or other callback, a function called inside a `writeSync` or better-sqlite3 `transaction`
// body or such a callback, or passed as a value. Prepared statements (`perConnection`,
// `insertReturning`, `updateVersioned` and the statements a module keeps) are not touched: see
// db/POSTGRES.md. Re-run it over a branch written against the synchronous bodies: it changes only
// what is still synchronous.
//
//   npx tsx scripts/codemod-async-bodies.ts [--dry] db/repositories/a.ts db/repositories/b.ts ...
import ts from 'typescript';
import { resolve } from 'node:path';
import {
  checker,
  declaredName,
  Edits,
  enclosingFn,
  indexFunctions,
  isAsync,
  isFn,
  needsParens,
  rel,
  ROUTE_CALLS,
  sources,
  TEST_CALLS,
  type Fn,
} from './codemod-program.js';

const args = process.argv.slice(2);
const dry = args.includes('--dry');
const files = new Set(args.filter((a) => !a.startsWith('--')).map((f) => resolve(f)));
/**
 * Functions of the given files to make async even without a query of their own (already async:
 * their calls are awaited); a `writeSync(` directly in one becomes `write(`, its body async.
 */
const asyncArg = args.find((a) => a.startsWith('--async='));
const seeds = new Set(asyncArg ? asyncArg.slice('--async='.length).split(',') : []);

const nameOf = (f: Fn): string => declaredName(f) ?? `(callback at ${rel(f)})`;

/** Bodies whose wrapper already answers a promise and takes an async body. */
const ASYNC_BODIES = new Set(['write', 'writeAside', 'writeSettings', 'readTogether']);
/** Bodies that must stay synchronous: their wrapper needs the answer at once. */
const SYNC_BODIES = new Set(['writeSync', 'transaction']);

const calleeName = (c: ts.CallExpression) => {
  let callee: ts.Expression = c.expression;
  while (ts.isCallExpression(callee)) callee = callee.expression; // it.each(...)(...)
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText();
};

/** `writeSync(` calls in seeds, written `write(` by this run. */
const renamed = new Set<ts.CallExpression>();
/** What a function is to the codemod: how it may become async, and what that asks of its callers. */
function roleOf(f: Fn): 'named' | 'async-body' | 'sync-body' | 'test' | 'callback' {
  if (ts.isFunctionDeclaration(f)) return 'named';
  const p = f.parent;
  // A function in an object literal (an option such as `extraCheck`) is called through a type's
  // property, where its calls cannot be found: a callback.
  if (ts.isVariableDeclaration(p)) return 'named';
  if (ts.isCallExpression(p) && p.arguments.includes(f as ts.Expression)) {
    const name = calleeName(p);
    if (ASYNC_BODIES.has(name) || (renamed.has(p) && !kept.has(enclosingFn(p)!))) return 'async-body';
    if (SYNC_BODIES.has(name)) return 'sync-body';
    if (TEST_CALLS.has(name) || TEST_CALLS.has(p.expression.getText().split('.')[0]!)) return 'test';
    if (ROUTE_CALLS.has(name) && p.arguments[p.arguments.length - 1] === f) return 'test';
  }
  return 'callback';
}

/** A drizzle query finished synchronously, or drizzle's raw `db.run/get/all(sql)`. */
type Finisher = { call: ts.CallExpression; kind: 'get' | 'all' | 'run' | 'raw'; query: ts.Expression };
function finisherOf(n: ts.CallExpression): Finisher | undefined {
  if (!ts.isPropertyAccessExpression(n.expression)) return undefined;
  const name = n.expression.name.text;
  if (!['get', 'all', 'run', 'values'].includes(name)) return undefined;
  const sym = checker.getSymbolAtLocation(n.expression.name);
  const decl = sym?.declarations?.[0];
  if (!decl || !decl.getSourceFile().fileName.includes('/drizzle-orm/')) return undefined;
  const owner =
    decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent))
      ? (decl.parent.name?.text ?? '')
      : '';
  if (/Prepared/.test(owner)) return undefined; // a kept statement: step 3, by hand
  if (/Database|Transaction/.test(owner)) return { call: n, kind: 'raw', query: n };
  if (n.arguments.length > 0 || name === 'values') return undefined;
  return { call: n, kind: name as 'get' | 'all' | 'run', query: n.expression.expression };
}

const finishersByFn = new Map<Fn, Finisher[]>();
const unplaced: string[] = [];
const { calls, uses, returnTypeUses } = indexFunctions((n, s) => {
  const fin = files.has(s.fileName) ? finisherOf(n) : undefined;
  if (!fin || ts.isAwaitExpression(n.parent)) return;
  const f = enclosingFn(n);
  if (f) finishersByFn.set(f, [...(finishersByFn.get(f) ?? []), fin]);
  else unplaced.push(`${rel(n)} a query outside any function`);
});

const seedFns: Fn[] = [];
for (const s of sources.filter((s) => files.has(s.fileName))) {
  const visit = (n: ts.Node) => {
    if (isFn(n) && seeds.has(nameOf(n))) {
      seedFns.push(n);
      const inner = (m: ts.Node) => {
        if (ts.isCallExpression(m) && m.expression.getText() === 'writeSync' && enclosingFn(m) === n) renamed.add(m);
        ts.forEachChild(m, inner);
      };
      inner(n);
    }
    ts.forEachChild(n, visit);
  };
  visit(s);
}

/** `readTogether(...)` answers its body's promise: the call itself is awaited like a function's. */
const readTogetherCall = (f: Fn) =>
  calleeName(f.parent as ts.CallExpression) === 'readTogether' ? (f.parent as ts.CallExpression) : undefined;

const kept = new Set<Fn>();
const reasons = new Map<Fn, string>();
for (;;) {
  const makeAsync = new Set<Fn>();
  const awaited = new Set<ts.CallExpression>();
  let conflict: { fn: Fn; why: string } | undefined;
  const work: Fn[] = [];
  /** f must become async (if it is not already); false when it cannot. */
  const need = (f: Fn, why: string): boolean => {
    if (isAsync(f) || makeAsync.has(f)) return true;
    const role = roleOf(f);
    if (role === 'sync-body' || role === 'callback' || kept.has(f)) return false;
    makeAsync.add(f);
    if (role === 'named') work.push(f);
    if (role === 'async-body') {
      const rt = readTogetherCall(f);
      if (rt) awaitCall(rt, why);
    }
    return true;
  };
  const awaitCall = (c: ts.CallExpression, why: string) => {
    if (ts.isAwaitExpression(c.parent) || awaited.has(c)) return;
    const e = enclosingFn(c);
    if (!e) return void awaited.add(c); // top-level await: every module is ESM
    if (!need(e, why)) throw { why: `${rel(c)} ${why} is called where it cannot be awaited` };
    awaited.add(c);
  };
  let fresh = false;
  for (const [f, list] of finishersByFn) {
    if (kept.has(f)) continue;
    try {
      if (!need(f, nameOf(f))) {
        kept.add(f);
        reasons.set(f, `${rel(list[0]!.call)} ${list.length} queries in a ${roleOf(f)} that stays synchronous`);
        fresh = true;
      }
    } catch (err) {
      conflict = { fn: f, why: (err as { why: string }).why };
      break;
    }
  }
  for (const f of seedFns) {
    if (conflict || kept.has(f)) continue;
    if (isAsync(f)) work.push(f);
    else if (!need(f, nameOf(f))) kept.add(f);
  }
  while (work.length && !conflict && !fresh) {
    const t = work.pop()!;
    try {
      const valueUse = uses.get(t)?.[0];
      if (valueUse) throw { why: `${rel(valueUse)} ${nameOf(t)} is used as a value` };
      for (const c of calls.get(t) ?? []) awaitCall(c, nameOf(t));
    } catch (err) {
      conflict = { fn: t, why: (err as { why: string }).why };
    }
  }
  if (fresh && !conflict) continue;
  if (conflict) {
    // The function itself, and every function whose queries led to it, is kept this round.
    kept.add(conflict.fn);
    reasons.set(conflict.fn, conflict.why);
    continue;
  }
  apply(makeAsync, awaited);
  break;
}
for (const why of [...reasons.values(), ...unplaced].sort()) console.log('KEPT', why);

function apply(makeAsync: Set<Fn>, awaited: Set<ts.CallExpression>) {
  const edits = new Edits();
  for (const f of makeAsync) {
    if (isAsync(f)) continue;
    edits.makeAsync(f);
    for (const r of returnTypeUses.get(f) ?? []) edits.awaitType(r);
  }
  for (const c of renamed)
    if (!kept.has(enclosingFn(c)!)) {
      edits.add(c, { pos: c.expression.getStart(), end: c.expression.getEnd(), text: 'write', order: 0 });
      // `write()` answers a promise: a call whose answer was not returned is awaited.
      if (!ts.isReturnStatement(c.parent) && !ts.isAwaitExpression(c.parent)) awaited.add(c);
    }
  for (const c of awaited) edits.awaitCall(c);
  for (const [f, list] of finishersByFn) {
    if (kept.has(f)) continue;
    for (const fin of list) {
      const { call, kind, query } = fin;
      if (kind === 'raw') {
        edits.awaitCall(call);
        continue;
      }
      // Drop `.get()` / `.all()` / `.run()` (and the line break before it).
      const cut = query.getEnd();
      if (kind === 'get') {
        const limit = checker.getTypeAtLocation(query).getProperty('limit') && !/\.limit\(/.test(query.getText());
        edits.add(call, { pos: call.getStart(), text: '(await ', order: 1 });
        // `.get()` of an insert/update ... returning is typed as the row: the first element is there.
        const type = checker.getTypeAtLocation(call);
        const maybe = type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined);
        const bang = !maybe && !ts.isNonNullExpression(call.parent) ? '!' : '';
        edits.add(call, { pos: cut, end: call.getEnd(), text: `${limit ? '.limit(1)' : ''})[0]${bang}`, order: -1 });
      } else {
        const paren = needsParens(call);
        edits.add(call, { pos: call.getStart(), text: paren ? '(await ' : 'await ', order: 1 });
        edits.add(call, { pos: cut, end: call.getEnd(), text: paren ? ')' : '', order: -1 });
      }
    }
  }
  edits.write(dry, fixWriteImport);
}

/** Once a file calls `writeSync(` no more, it imports `write` in its place. */
function fixWriteImport(text: string): string {
  const imported =
    /import \{([^}]*)\} from '([./]*|[./]*db\/)repositories\/write\.js';|import \{([^}]*)\} from '\.\/write\.js';/;
  const m = imported.exec(text);
  if (!m || /\bwriteSync\(/.test(text)) return text;
  const names = (m[1] ?? m[3] ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names.includes('writeSync')) return text;
  const kept = names.filter((n) => n !== 'writeSync');
  if (!kept.includes('write')) kept.unshift('write');
  return text.replace(m[0], m[0].replace(m[1] ?? m[3] ?? '', ` ${kept.join(', ')} `));
}
