// Chromium (Skia) writes every glyph of a line as its own `dx 0 Td <gid> Tj`, because the
// layout's positions differ from the font's advances by a few thousandths of an em. That is
// ~25 bytes a glyph, and a large council's pack has over half a million glyphs. This rewrites
// each run into one `[<g1> k1 <g2> …] TJ`: the same glyphs, each placed within half a thousandth
// of an em of where Chromium put it (the error is carried along, never summed), the text line
// matrix left exactly where the original left it, and marked content (the tags) untouched.

/** A Type0 font's glyph widths, in thousandths of an em, by two-byte code. */
export type Widths = { byCode: Map<number, number>; fallback: number };

/** Reads a CIDFont's `/W` array (`c [w1 w2 …]` and `cFirst cLast w`) and `/DW`. */
export function cidWidths(cidFont: string): Widths | null {
  const w = /\/W\s*\[((?:[^[\]]|\[[^\]]*\])*)\]/.exec(cidFont);
  if (!w) return null;
  const byCode = new Map<number, number>();
  const tokens = w[1]!.match(/\[[^\]]*\]|-?[\d.]+/g) ?? [];
  for (let i = 0; i < tokens.length;) {
    const first = Number(tokens[i]);
    const next = tokens[i + 1];
    if (next === undefined) return null;
    if (next.startsWith('[')) {
      const list = next.slice(1, -1).trim().split(/\s+/).filter(Boolean).map(Number);
      list.forEach((width, k) => byCode.set(first + k, width));
      i += 2;
    } else {
      const last = Number(next);
      const width = Number(tokens[i + 2]);
      if (!Number.isFinite(width)) return null;
      for (let c = first; c <= last; c++) byCode.set(c, width);
      i += 3;
    }
  }
  return { byCode, fallback: Number(/\/DW\s+([\d.]+)/.exec(cidFont)?.[1] ?? 1000) };
}

const FONT = /^\/(\S+) (-?[\d.]+) Tf$/;
const FIRST = /^<([0-9A-F]{4})> Tj$/;
const NEXT = /^(-?[\d.]+) 0 Td <([0-9A-F]{4})> Tj$/;
const num = (v: number) => String(Math.round(v * 10_000) / 10_000);

/**
 * A page's content with each run of single-glyph shows joined. `fonts` maps the page's font
 * resource names to their widths; a run in any other font (a Type3 symbol font) is left as it is.
 */
export function joinGlyphRuns(content: string, fonts: Map<string, Widths>): string {
  const lines = content.split('\n');
  const out: string[] = [];
  let font: Widths | undefined;
  let size = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tf = FONT.exec(line);
    if (tf) {
      font = fonts.get(tf[1]!);
      size = Number(tf[2]);
    }
    const first = font && size > 0 ? FIRST.exec(line) : null;
    if (!first) {
      out.push(line);
      continue;
    }
    const glyphs = [first[1]!];
    const steps: number[] = [];
    for (let m; i + 1 < lines.length && (m = NEXT.exec(lines[i + 1]!)); i++) {
      steps.push(Number(m[1]));
      glyphs.push(m[2]!);
    }
    if (glyphs.length < 3) {
      out.push(line, ...lines.slice(i - steps.length + 1, i + 1));
      continue;
    }
    // All but the last glyph go in one TJ; a Td to where the last starts then restores the
    // line matrix the original Tds built, and the last glyph is shown as before.
    let exact = 0;
    let placed = 0;
    let tj = '[<';
    for (let g = 0; g < glyphs.length - 1; g++) {
      const advance = font!.byCode.get(parseInt(glyphs[g]!, 16)) ?? font!.fallback;
      exact += steps[g]!;
      const kern = Math.round(advance - ((exact - placed) * 1000) / size);
      placed += ((advance - kern) * size) / 1000;
      tj += glyphs[g];
      if (g < glyphs.length - 2) tj += kern === 0 ? '' : `>${kern}<`;
    }
    out.push(`${tj}>] TJ`, `${num(exact)} 0 Td <${glyphs.at(-1)}> Tj`);
  }
  return out.join('\n');
}
