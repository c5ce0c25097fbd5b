// The pictures a council can give a theme (themeIcons in server/contracts/themes.ts): drawn here
// as small inline SVGs, so there are no image files to fetch and no emoji font to rely on. Each
// has words for people who cannot see it, in English and Welsh (the kiosk catalogue's icon.*).
import { svg, html, type SVGTemplateResult } from 'lit';
import type { ThemeIcon } from '../../server/contracts/index.js';
import { t } from './i18n.js';

const DRAWINGS: Record<ThemeIcon, SVGTemplateResult> = {
  star: svg`<path fill="currentColor" d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"/>`,
  heart: svg`<path fill="currentColor" d="M12 20.5s-8.5-5.3-8.5-11.2A4.6 4.6 0 0 1 12 6.6a4.6 4.6 0 0 1 8.5 2.7c0 5.9-8.5 11.2-8.5 11.2z"/>`,
  people: svg`<circle cx="8.5" cy="7.5" r="3.2" fill="currentColor"/><circle cx="16.5" cy="8.5" r="2.6" fill="currentColor"/><path fill="currentColor" d="M2.5 20c0-4 2.7-6.8 6-6.8s6 2.8 6 6.8zM15.2 20c0-2.5-.7-4.4-1.9-5.6a4.6 4.6 0 0 1 3.2-1.2c2.8 0 5 2.5 5 6.8z"/>`,
  home: svg`<path fill="currentColor" d="M12 3l9 8h-2.5v9.5h-4.5v-6h-4v6H5.5V11H3z"/>`,
  book: svg`<path fill="currentColor" d="M2.5 5.5c3.2-1.3 6.5-1 9 .8v14c-2.5-1.8-5.8-2.1-9-.8zM21.5 5.5c-3.2-1.3-6.5-1-9 .8v14c2.5-1.8 5.8-2.1 9-.8z"/>`,
  speech: svg`<path fill="currentColor" d="M4.5 3.5h15a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H11l-5.5 4.5v-4.5h-1a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2z"/>`,
  shield: svg`<path fill="currentColor" d="M12 2.5l8 3v6c0 4.8-3.3 8.7-8 10.5-4.7-1.8-8-5.7-8-10.5v-6z"/>`,
  sun: svg`<circle cx="12" cy="12" r="4.5" fill="currentColor"/><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M5.3 18.7l1.8-1.8M16.9 7.1l1.8-1.8"/>`,
  rocket: svg`<path fill="currentColor" d="M12 2c3.3 2.3 5 6 5 10.2l-1.8 4.3H8.8L7 12.2C7 8 8.7 4.3 12 2zM7.2 13.5l-2.7 3.7v3l3.6-2zM16.8 13.5l2.7 3.7v3l-3.6-2zM10 17.7h4L12 22z"/><circle cx="12" cy="9" r="1.8" fill="#fff"/>`,
  leaf: svg`<path fill="currentColor" d="M20.5 3.5C10.5 3.3 4 8.7 4 16c0 1.6.4 3 1 4.2 1.2-4.8 4.5-8.3 9-10.5-3.6 2.8-6.3 6.4-7.3 10.8 8.3.3 13.8-6 13.8-17z"/>`,
};

/**
 * A theme's picture, with its words as the text alternative. Unknown names show the star.
 * `decorative` hides it from screen readers where the words beside it already say it all.
 */
export function themeIcon(name: string, className = 'pt-kiosk-icon', decorative = false) {
  const icon = (name in DRAWINGS ? name : 'star') as ThemeIcon;
  return decorative
    ? html`<svg class=${className} aria-hidden="true" viewBox="0 0 24 24" focusable="false">${DRAWINGS[icon]}</svg>`
    : html`<svg class=${className} role="img" aria-label=${t(`icon.${icon}`)} viewBox="0 0 24 24" focusable="false">
        ${DRAWINGS[icon]}
      </svg>`;
}
