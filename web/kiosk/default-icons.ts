// A friendly picture for each theme whose council has not picked one. Every theme starts with the
// star (the schema's default), so a council that never chose would show a row of identical stars:
// several themes on the star means nobody picked, and each of those gets a picture that fits its
// name (English or Welsh), or else the next one from the set not already on a tile. A star on one
// theme alone is kept: it may have been chosen, and it is not a wall of sameness.
import type { ThemeIcon } from '../../server/contracts/index.js';

const UNPICKED: ThemeIcon = 'star';
/** Words a theme's name may hold, and the picture that fits them. The first that matches wins. */
const BY_WORDS: [RegExp, ThemeIcon][] = [
  [/relationship|family|friend|perthynas|teulu|ffrind/i, 'people'],
  [/right|voice|say|heard|hawl|llais/i, 'speech'],
  [/safe|protect|diogel/i, 'shield'],
  [/resilien|health|happy|well|feel|cadarn|iach|hapus|lles/i, 'heart'],
  [/home|house|cartref/i, 'home'],
  [/school|educat|learn|ysgol|addysg|dysgu/i, 'book'],
  [/future|leaving|job|work|dyfodol|gadael|gwaith/i, 'rocket'],
];
/** The set in the order left-over themes take them. */
const ROTATION: ThemeIcon[] = ['heart', 'people', 'sun', 'rocket', 'book', 'speech', 'home', 'leaf', 'shield', 'star'];

type Named = { name: string; nameCy: string; icon: ThemeIcon };

/** The themes with a picture each: picked ones as picked, unpicked ones as described above. */
export function withDefaultIcons<T extends Named>(themes: readonly T[]): T[] {
  if (themes.filter((th) => th.icon === UNPICKED).length < 2) return [...themes];
  const used = new Set(themes.filter((th) => th.icon !== UNPICKED).map((th) => th.icon));
  const take = (icon: ThemeIcon) => (used.add(icon), icon);
  const byWords = themes.map((th) => {
    if (th.icon !== UNPICKED) return th.icon;
    const match = BY_WORDS.find(([words, icon]) => !used.has(icon) && words.test(`${th.name} ${th.nameCy}`));
    return match ? take(match[1]) : null;
  });
  return themes.map((th, i) => ({
    ...th,
    icon: byWords[i] ?? take(ROTATION.find((icon) => !used.has(icon)) ?? UNPICKED),
  }));
}
