// What both async codemods (codemod-async.ts, codemod-async-bodies.ts) stand on: the project's
// TypeScript program, how a name leads to its function, where each function is called or used,
// and the text edits that make a function async or await a call. Each codemod keeps only its
// own rule of what must change.
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const configPath = ts.findConfigFile(process.cwd(), ts.sys.fileExists, 'tsconfig.json')!;
const config = ts.parseJsonConfigFileContent(
  ts.readConfigFile(configPath, ts.sys.readFile).config,
  ts.sys,
  process.cwd(),
);
const program = ts.createProgram(config.fileNames, config.options);
export const checker = program.getTypeChecker();
export const sources = program
  .getSourceFiles()
  .filter((s) => !s.isDeclarationFile && !s.fileName.includes('node_modules'));

/** Where a node stands, as `path:line` from the working folder. */
export const rel = (n: ts.Node) => {
  const s = n.getSourceFile();
  const { line } = s.getLineAndCharacterOfPosition(n.getStart());
  return `${relative(process.cwd(), s.fileName)}:${line + 1}`;
};

export type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;
export const isFn = (n: ts.Node): n is Fn =>
  ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n);
export const isAsync = (f: Fn) => !!ts.getModifiers(f)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
export const enclosingFn = (n: ts.Node): Fn | undefined => {
  for (let p = n.parent; p; p = p.parent) {
    if (isFn(p)) return p;
    if (ts.isGetAccessor(p) || ts.isConstructorDeclaration(p) || ts.isClassStaticBlockDeclaration(p)) return undefined;
  }
  return undefined;
};
/** The name a function is called by, if it has one. */
export const declaredName = (f: Fn): string | undefined => {
  if ((ts.isFunctionDeclaration(f) || ts.isMethodDeclaration(f)) && f.name) return f.name.getText();
  if (ts.isVariableDeclaration(f.parent) || ts.isPropertyAssignment(f.parent)) return f.parent.name.getText();
  return undefined;
};

/** Callbacks of a test, and of a fastify route: their bodies may become async freely. */
export const TEST_CALLS = new Set(['it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll']);
export const ROUTE_CALLS = new Set(['get', 'post', 'put', 'patch', 'delete', 'route']);

/** The declaration a name stands for: the function itself. */
export function fnOfSymbol(sym: ts.Symbol | undefined): Fn | undefined {
  if (!sym) return undefined;
  if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  for (const d of sym.declarations ?? []) {
    if (isFn(d)) return d;
    if (ts.isVariableDeclaration(d) && d.initializer && isFn(d.initializer)) return d.initializer;
    if (ts.isPropertyAssignment(d) && isFn(d.initializer)) return d.initializer;
  }
  return undefined;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => m.set(k, [...(m.get(k) ?? []), v]);

/**
 * Every call of a function, every other use of it (passed as a value), and every
 * `ReturnType<typeof f>` naming it, across the program. `onCall` sees each call on the way.
 */
export function indexFunctions(onCall?: (call: ts.CallExpression, source: ts.SourceFile) => void) {
  const calls = new Map<Fn, ts.CallExpression[]>();
  const uses = new Map<Fn, ts.Identifier[]>();
  const returnTypeUses = new Map<Fn, ts.TypeReferenceNode[]>();
  for (const s of sources) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        onCall?.(n, s);
        const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression.name : n.expression;
        if (ts.isIdentifier(callee)) {
          const f = fnOfSymbol(checker.getSymbolAtLocation(callee));
          if (f) push(calls, f, n);
        }
      } else if (
        ts.isTypeReferenceNode(n) &&
        n.typeName.getText() === 'ReturnType' &&
        n.typeArguments?.[0] &&
        ts.isTypeQueryNode(n.typeArguments[0])
      ) {
        const q = n.typeArguments[0].exprName;
        const f = fnOfSymbol(checker.getSymbolAtLocation(ts.isQualifiedName(q) ? q.right : q));
        if (f) push(returnTypeUses, f, n);
      } else if (ts.isIdentifier(n) && !ts.isImportSpecifier(n.parent) && !ts.isExportSpecifier(n.parent)) {
        const p = n.parent;
        const isCallee =
          (ts.isCallExpression(p) && p.expression === n) ||
          (ts.isPropertyAccessExpression(p) &&
            p.name === n &&
            ts.isCallExpression(p.parent) &&
            p.parent.expression === p);
        const isDecl =
          (ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p)) && p.name === n;
        if (!isCallee && !isDecl && !ts.isTypeQueryNode(p) && !ts.isQualifiedName(p)) {
          const f = fnOfSymbol(checker.getSymbolAtLocation(n));
          if (f) push(uses, f, n);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(s);
  }
  return { calls, uses, returnTypeUses };
}

/** An expression that must be wrapped as `(await x)` to keep its meaning where it stands. */
export const needsParens = (c: ts.Expression) => {
  const p = c.parent;
  return (
    (ts.isPropertyAccessExpression(p) && p.expression === c) ||
    (ts.isElementAccessExpression(p) && p.expression === c) ||
    (ts.isCallExpression(p) && p.expression === c) ||
    ts.isNonNullExpression(p) ||
    ts.isAsExpression(p) ||
    ts.isSatisfiesExpression(p)
  );
};

type Edit = { pos: number; end?: number; text: string; order: number };

/** Text edits gathered by file, then written from the end of each file back. */
export class Edits {
  private readonly byFile = new Map<string, Edit[]>();

  add(n: ts.Node, e: Edit) {
    push(this.byFile, n.getSourceFile().fileName, e);
  }

  /** `async` before the function, and its declared return type as a promise. */
  makeAsync(f: Fn) {
    if (isAsync(f)) return;
    let pos = f.getStart();
    const mods = ts.getModifiers(f);
    if (mods?.length) pos = mods[mods.length - 1]!.getEnd() + 1;
    this.add(f, { pos, text: 'async ', order: 0 });
    if (f.type && !/^Promise</.test(f.type.getText()))
      this.add(f, { pos: f.type.getStart(), end: f.type.getEnd(), text: `Promise<${f.type.getText()}>`, order: 0 });
  }

  /** `ReturnType<typeof f>` of a function made async becomes `Awaited<ReturnType<typeof f>>`. */
  awaitType(r: ts.TypeReferenceNode) {
    this.add(r, { pos: r.getStart(), text: 'Awaited<', order: 0 });
    this.add(r, { pos: r.getEnd(), text: '>', order: 0 });
  }

  awaitCall(c: ts.Expression) {
    const paren = needsParens(c);
    this.add(c, { pos: c.getStart(), text: paren ? '(await ' : 'await ', order: 1 });
    if (paren) this.add(c, { pos: c.getEnd(), text: ')', order: -1 });
  }

  /** Writes every file (or, dry, only says which would change); `finish` sees each new text. */
  write(dry: boolean, finish: (text: string) => string = (t) => t) {
    for (const [file, list] of this.byFile) {
      let text = readFileSync(file, 'utf8');
      // From the end, so earlier positions stay valid; at one position, closings before openings.
      list.sort((a, b) => b.pos - a.pos || a.order - b.order);
      for (const e of list) text = text.slice(0, e.pos) + e.text + text.slice(e.end ?? e.pos);
      text = finish(text);
      console.log(`${dry ? 'would change' : 'changed'} ${relative(process.cwd(), file)} (${list.length} edits)`);
      if (!dry) writeFileSync(file, text);
    }
  }
}
