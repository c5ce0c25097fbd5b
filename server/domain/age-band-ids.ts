// An age band's id is made from its label, once: the council types "care leaver" and feedback,
// imports and filters use `care-leaver` from then on, whatever the label later becomes. Pure.

/** The id's form: lower-case letters, numbers and hyphens, at most 40 characters. */
const MAX_ID = 40;

/** "Care leaver (18+)" → "care-leaver-18"; accents fold to their letter ("Ôl-16" → "ol-16"). */
export function idFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID - 4)
    .replace(/-+$/, '');
}

/**
 * Gives every band an id. A band that has one keeps it (stable once made); one without takes the
 * id of the existing band with the same label, else one made from its label, numbered when that
 * is taken ("care-leaver-2"). A label with no letters or numbers becomes "band", "band-2"…
 */
export function withBandIds<B extends { id?: string | undefined; label: string }>(
  bands: readonly B[],
  existing: readonly { id: string; label: string }[],
): (B & { id: string })[] {
  const taken = new Set(bands.map((b) => b.id).filter((id): id is string => !!id));
  const byLabel = new Map(existing.map((b) => [b.label.trim().toLowerCase(), b.id]));
  return bands.map((band) => {
    if (band.id) return { ...band, id: band.id };
    const same = byLabel.get(band.label.trim().toLowerCase());
    let id = same && !taken.has(same) ? same : undefined;
    if (!id) {
      const base = idFromLabel(band.label) || 'band';
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    }
    taken.add(id);
    return { ...band, id };
  });
}
