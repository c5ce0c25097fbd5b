// Codemod for issue 17: makes the exported functions of the given repository files async and
// awaits every call to them, through the whole program (routes, services, plugins, scripts,
// workers, tests). A caller that is a named function becomes async in turn, and its own callers
// are awaited; so does a test or route callback. Anything it cannot change safely (a call inside
// a `.map` callback or a hook, a function passed as a value) it lists, for a person to change.
// A repository function called inside another repository's callback (a `write` body) stays
// synchronous: those bodies are synchronous until the async transaction comes.
//
// Step 1 of the port is done; run it again over db/repositories/*.ts after merging a branch
// written against the synchronous layer, and it awaits what that branch added (it changes
// nothing where everything is already async).
//
//   npx tsx scripts/codemod-async.ts [--dry] [--keep=name,...] db/repositories/*.ts
import ts from 'typescript';
import { resolve } from 'node:path';
import {
  declaredName,
  Edits,
  enclosingFn,
  indexFunctions,
  isAsync,
  isFn,
  rel,
  ROUTE_CALLS,
  sources,
  TEST_CALLS,
  type Fn,
} from './codemod-program.js';

const args = process.argv.slice(2);
const dry = args.includes('--dry');
const keepArg = args.find((a) => a.startsWith('--keep='));
const files = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
/** Transaction machinery and helpers that run inside a transaction body: synchronous for now. */
const keep = new Set([
  'write',
  'readTogether',
  'updateVersioned',
  'insertReturning',
  'perConnection',
  'connectionOf',
  'dataGeneration',
  'outsideGeneration',
  'openCommit',
  'failedCommits',
  'recordAudit',
  'changedFields',
  // Called inside a transaction body a route passes in (updateSettings, the measure checks),
  // or by a synchronous check (the identifier check's lazy findings, the CSV row check).
  'feedbackOutside',
  'referenceProblems',
  'mayEnterFiguresFor',
  'staffNames',
  'allPromiseIds',
  ...(keepArg ? keepArg.slice('--keep='.length).split(',') : []),
]);

const nameOf = declaredName;
const { calls, uses, returnTypeUses } = indexFunctions();

/** What kind of function a caller is: one others call by name, a test or route body, or anything else. */
function kindOf(f: Fn): 'named' | 'body' | 'other' {
  if (ts.isFunctionDeclaration(f) || ts.isMethodDeclaration(f)) return 'named';
  const p = f.parent;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) return 'named';
  if (ts.isCallExpression(p) && p.arguments.includes(f as ts.Expression)) {
    let callee: ts.Expression = p.expression;
    while (ts.isCallExpression(callee)) callee = callee.expression; // it.each(...)(...)
    const base = ts.isPropertyAccessExpression(callee) ? callee : undefined;
    const head = base ? base.expression : callee;
    const headName = ts.isPropertyAccessExpression(head) ? head.name.text : head.getText();
    if (TEST_CALLS.has(headName) || TEST_CALLS.has(callee.getText())) return 'body';
    if (base && ROUTE_CALLS.has(base.name.text) && p.arguments[p.arguments.length - 1] === f) return 'body';
  }
  return 'other';
}

/** Inside a synchronous function passed to write/writeSync/readTogether/transaction (any file). */
function inTransactionBody(n: ts.Node): boolean {
  for (let f = enclosingFn(n); f && !isAsync(f); f = enclosingFn(f)) {
    const p = f.parent;
    if (ts.isCallExpression(p) && p.arguments.includes(f as ts.Expression)) {
      const callee = ts.isPropertyAccessExpression(p.expression) ? p.expression.name : p.expression;
      if (['write', 'writeSync', 'readTogether', 'transaction'].includes(callee.getText())) return true;
    }
  }
  return false;
}

function plan() {
  const targets = new Set<Fn>();
  for (const s of sources.filter((s) => files.includes(s.fileName))) {
    const add = (f: Fn | undefined) => {
      if (!f || isAsync(f)) return;
      const name = nameOf(f);
      if (!name || keep.has(name)) return;
      if (f.type && /^Promise</.test(f.type.getText())) return;
      // Only what takes a connection: a pure helper kept beside its SQL stays as it is.
      const first = f.parameters[0];
      if (!first || !/\b(Db|DbOrTx|Tx)\b/.test(first.type?.getText() ?? first.name.getText())) return;
      targets.add(f);
    };
    for (const st of s.statements) {
      const exported = ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isFunctionDeclaration(st)) add(st);
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) if (d.initializer && isFn(d.initializer)) add(d.initializer);
    }
  }
  return targets;
}

// Fixpoint: a function that must stay synchronous (called from a repository's callback) is kept,
// and the plan starts again without it.
for (;;) {
  const initial = plan();
  const makeAsync = new Set<Fn>();
  const awaited = new Set<ts.CallExpression>();
  const manual: string[] = [];
  let conflict: string | undefined;
  const work = [...initial];
  const seen = new Set<Fn>(work);
  for (const t of work) makeAsync.add(t);
  while (work.length && !conflict) {
    const t = work.pop()!;
    for (const u of uses.get(t) ?? []) manual.push(`${rel(u)} ${nameOf(t)} used as a value`);
    for (const c of calls.get(t) ?? []) {
      const inRepo = c.getSourceFile().fileName.includes('/db/repositories/');
      if (ts.isAwaitExpression(c.parent)) continue;
      const f = enclosingFn(c);
      if (!f) {
        // Top-level await: every module is ESM.
        awaited.add(c);
        continue;
      }
      if (inTransactionBody(c)) {
        conflict = nameOf(t);
        break;
      }
      const kind = kindOf(f);
      if (!isAsync(f) && !makeAsync.has(f) && kind === 'other') {
        if (inRepo) {
          conflict = nameOf(t);
          break;
        }
        manual.push(`${rel(c)} ${nameOf(t)} called in a callback`);
        continue;
      }
      awaited.add(c);
      if (!isAsync(f) && !makeAsync.has(f)) {
        makeAsync.add(f);
        if (kind === 'named' && !seen.has(f)) {
          const name = nameOf(f);
          if (name && keep.has(name)) {
            conflict = nameOf(t);
            break;
          }
          seen.add(f);
          work.push(f);
        }
      }
    }
  }
  if (conflict) {
    console.log(`keeping ${conflict} synchronous (called inside a transaction body or a repository callback)`);
    keep.add(conflict);
    continue;
  }
  apply(makeAsync, awaited, seen);
  for (const m of [...new Set(manual)].sort()) console.log('MANUAL', m);
  break;
}

function apply(makeAsync: Set<Fn>, awaited: Set<ts.CallExpression>, named: Set<Fn>) {
  const edits = new Edits();
  for (const f of makeAsync) edits.makeAsync(f);
  for (const f of named) for (const r of returnTypeUses.get(f) ?? []) edits.awaitType(r);
  for (const c of awaited) edits.awaitCall(c);
  edits.write(dry);
}
