// The settings page's form as the admin types it: the draft (numbers kept as typed, so a wrong
// entry stays on screen with its message), read back from the form, turned into the API's body,
// and the order of its boxes for the error summary. The sections in this folder render it.
import type { RagRating, Settings, SettingsUpdate } from '../../../server/contracts/index.js';
import type { ApiError } from '../../api/client.js';
import { t, type MessageKey } from '../../i18n/messages.js';

export const COLOURS: readonly RagRating[] = ['red', 'amber', 'green', 'blue'];
export const AUDIENCES = ['children_in_care', 'care_leavers', 'both'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const TIMINGS = ['answerTargetDays', 'smallNumberThreshold', 'staleAfterDays', 'dueSoonDays'] as const;
export type Timing = (typeof TIMINGS)[number];
/**
 * The thresholds this page edits. answerTargetDays and staleAfterDays are council settings in
 * their own right (above), which the suggestion already uses; an override saved for them in
 * ragThresholds is kept as it is.
 */
export const THRESHOLDS = [
  'deliveryAmberPercent',
  'deliveryRedPercent',
  'gapAmberPoints',
  'gapRedPoints',
  'gapAmberPercent',
  'gapRedPercent',
  'waitingAmberCount',
  'waitingRedCount',
] as const;
export type Threshold = (typeof THRESHOLDS)[number];
export const WHOLE_THRESHOLDS: ReadonlySet<Threshold> = new Set(['waitingAmberCount', 'waitingRedCount']);
export const QUORUM = ['minCouncillors', 'minPartners', 'minTotal'] as const;
export type QuorumKey = (typeof QUORUM)[number];

export type BandRow = { id: string; label: string; childLabel: string; childLabelCy: string };
export type ForumRow = { id: string; name: string; audience: Audience; frequency: string; active: boolean };

/** What the form holds: numbers as typed, so a wrong entry stays on screen with its message. */
export type Draft = {
  councilName: string;
  nation: string;
  useWelsh: boolean;
  councilNameCy: string;
  timeZone: string;
  timings: Record<Timing, string>;
  ageBands: BandRow[];
  forums: ForumRow[];
  ragWording: Record<RagRating, { label: string; meaning: string }>;
  thresholds: Record<Threshold, string>;
  quorum: Record<QuorumKey, string>;
  watchWords: string;
  localNames: string;
};

export function draftOf(s: Settings): Draft {
  const rag = s.ragThresholds as Partial<Record<Threshold, number>>;
  return {
    councilName: s.councilName,
    nation: s.nation,
    useWelsh: s.useWelsh,
    councilNameCy: s.councilNameCy,
    timeZone: s.timeZone,
    timings: Object.fromEntries(TIMINGS.map((k) => [k, String(s[k])])) as Record<Timing, string>,
    ageBands: s.ageBands.map((b) => ({ ...b, childLabelCy: b.childLabelCy ?? '' })),
    forums: s.forums.map((f) => ({ ...f })),
    ragWording: {
      red: { ...s.ragWording.red },
      amber: { ...s.ragWording.amber },
      green: { ...s.ragWording.green },
      blue: { ...s.ragWording.blue },
    },
    thresholds: Object.fromEntries(THRESHOLDS.map((k) => [k, rag[k] === undefined ? '' : String(rag[k])])) as Record<
      Threshold,
      string
    >,
    quorum: Object.fromEntries(QUORUM.map((k) => [k, String(s.quorum[k])])) as Record<QuorumKey, string>,
    watchWords: s.watchWords.join('\n'),
    localNames: s.localNames.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A new row's id from its name: lower-case letters, numbers and hyphens, unique in its list. */
function slugFor(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Field keys are the API's paths (`ageBands.0.label`); a box's id is `f-` and its key. */
export type Errors = Record<string, string>;

/** The thresholds saved that this page does not edit (see THRESHOLDS), to send back as they were. */
export function keptThresholds(s: Settings): Record<string, number> {
  const rag = s.ragThresholds as Record<string, number>;
  return Object.fromEntries(Object.entries(rag).filter(([k]) => !(THRESHOLDS as readonly string[]).includes(k)));
}

/** The form as typed, so adding or removing a row keeps everything else the admin wrote. */
export function readDraft(formEl: HTMLFormElement, d: Draft): Draft {
  const data = new FormData(formEl);
  const get = (name: string) => String(data.get(name) ?? '');
  return {
    councilName: get('councilName'),
    nation: get('nation'),
    useWelsh: data.get('useWelsh') !== null,
    councilNameCy: get('councilNameCy'),
    timeZone: get('timeZone'),
    timings: Object.fromEntries(TIMINGS.map((k) => [k, get(k)])) as Record<Timing, string>,
    ageBands: d.ageBands.map((b, i) => ({
      id: b.id,
      label: get(`ageBands.${i}.label`),
      childLabel: get(`ageBands.${i}.childLabel`),
      childLabelCy: get(`ageBands.${i}.childLabelCy`),
    })),
    forums: d.forums.map((f, i) => ({
      id: f.id,
      name: get(`forums.${i}.name`),
      audience: (get(`forums.${i}.audience`) || f.audience) as Audience,
      frequency: get(`forums.${i}.frequency`),
      active: data.get(`forums.${i}.active`) !== null,
    })),
    ragWording: Object.fromEntries(
      COLOURS.map((c) => [c, { label: get(`ragWording.${c}.label`), meaning: get(`ragWording.${c}.meaning`) }]),
    ) as Draft['ragWording'],
    thresholds: Object.fromEntries(THRESHOLDS.map((k) => [k, get(`ragThresholds.${k}`)])) as Record<Threshold, string>,
    quorum: Object.fromEntries(QUORUM.map((k) => [k, get(`quorum.${k}`)])) as Record<QuorumKey, string>,
    watchWords: get('watchWords'),
    localNames: get('localNames'),
  };
}

/** The request body, or the boxes whose numbers cannot be read (the API is not asked then). */
export function draftBody(
  d: Draft,
  version: number,
  keptThresholds: Record<string, number>,
): { body: SettingsUpdate; errors: Errors } {
  const errors: Errors = {};
  const number = (key: string, raw: string, whole: boolean): number | undefined => {
    const n = Number(raw.trim());
    if (!raw.trim() || !Number.isFinite(n))
      errors[key] = t(whole ? 'adminSettings.wholeNumber' : 'adminSettings.number');
    else if (whole && !Number.isInteger(n)) errors[key] = t('adminSettings.wholeNumber');
    return n;
  };
  const timings = Object.fromEntries(TIMINGS.map((k) => [k, number(k, d.timings[k], true)])) as Record<Timing, number>;
  const quorum = Object.fromEntries(QUORUM.map((k) => [k, number(`quorum.${k}`, d.quorum[k], true)])) as Record<
    QuorumKey,
    number
  >;
  const ragThresholds: Record<string, number> = { ...keptThresholds };
  for (const k of THRESHOLDS) {
    // An empty box means the standard figure: leave the key out.
    if (d.thresholds[k].trim())
      ragThresholds[k] = number(`ragThresholds.${k}`, d.thresholds[k], WHOLE_THRESHOLDS.has(k))!;
  }
  // A new band is sent by its labels: the server makes its id from the label, once.
  const ageBands = d.ageBands.map((b) => ({
    ...(b.id && { id: b.id }),
    label: b.label,
    childLabel: b.childLabel,
    childLabelCy: b.childLabelCy,
  }));
  const forumIds = new Set(d.forums.map((f) => f.id).filter(Boolean));
  const forums = d.forums.map((f, i) => {
    const id = f.id || slugFor(f.name, forumIds, `forum-${i + 1}`);
    forumIds.add(id);
    return { ...f, id };
  });
  const body: SettingsUpdate = {
    version,
    councilName: d.councilName,
    nation: d.nation as Settings['nation'],
    useWelsh: d.useWelsh,
    councilNameCy: d.councilNameCy,
    timeZone: d.timeZone,
    ...timings,
    ageBands,
    forums,
    ragWording: d.ragWording,
    ragThresholds,
    quorum,
    watchWords: lines(d.watchWords),
    localNames: lines(d.localNames),
  };
  return { body, errors };
}

/** Puts each API problem against its box; returns nothing it cannot place. */
export function placeErrors(err: ApiError, body: SettingsUpdate, d: Draft): Errors {
  const known = new Set(fieldOrder(d).map((f) => f.key));
  const errors: Errors = {};
  for (const [path, message] of Object.entries(err.fieldErrors)) {
    const parts = path.split('.');
    // A row's id is made from its name, so a problem with the id belongs to the name.
    if (parts[0] === 'ageBands' && parts[2] === 'id') parts[2] = 'label';
    if (parts[0] === 'forums' && parts[2] === 'id') parts[2] = 'name';
    let text = message;
    if ((parts[0] === 'watchWords' || parts[0] === 'localNames') && parts.length > 1) {
      const list = body[parts[0]] ?? [];
      const line = Number(parts[1]);
      text = t('adminSettings.line', { n: line + 1, message: `${list[line] ?? ''} – ${message}` });
    }
    while (parts.length > 1 && !known.has(parts.join('.'))) parts.pop();
    const key = parts.join('.');
    if (known.has(key)) errors[key] ??= text;
  }
  return errors;
}

/** Every box in form order, with the words the error summary starts its line with. */
export function fieldOrder(d: Draft): { key: string; label: string }[] {
  const of = (key: string, label: MessageKey, params: Record<string, string | number> = {}) => ({
    key,
    label: t(label, params),
  });
  return [
    of('councilName', 'adminSettings.councilName'),
    of('nation', 'adminSettings.nation'),
    of('useWelsh', 'adminSettings.useWelsh'),
    of('councilNameCy', 'adminSettings.councilNameCy'),
    of('timeZone', 'adminSettings.timeZone'),
    ...TIMINGS.map((k) => of(k, `adminSettings.${k}`)),
    of('ageBands', 'adminSettings.ageBands'),
    ...d.ageBands.flatMap((_, i) => [
      {
        key: `ageBands.${i}.label`,
        label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandLabel')}`,
      },
      {
        key: `ageBands.${i}.childLabel`,
        label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandChildLabel')}`,
      },
      {
        key: `ageBands.${i}.childLabelCy`,
        label: `${t('adminSettings.ageBand', { n: i + 1 })}, ${t('adminSettings.ageBandChildLabelCy')}`,
      },
    ]),
    of('forums', 'adminSettings.forums'),
    ...d.forums.flatMap((_, i) =>
      (['name', 'audience', 'frequency', 'active'] as const).map((f) => ({
        key: `forums.${i}.${f}`,
        label: `${t('adminSettings.forum', { n: i + 1 })}, ${t(
          f === 'name'
            ? 'adminSettings.forumName'
            : f === 'audience'
              ? 'adminSettings.forumAudience'
              : f === 'frequency'
                ? 'adminSettings.forumFrequency'
                : 'adminSettings.forumActive',
        )}`,
      })),
    ),
    ...COLOURS.flatMap((c) => [
      of(`ragWording.${c}.label`, 'adminSettings.ragWord', { colour: t(`rag.${c}`) }),
      of(`ragWording.${c}.meaning`, 'adminSettings.ragMeaning', { colour: t(`rag.${c}`) }),
    ]),
    of('ragThresholds', 'adminSettings.ragThresholds'),
    ...THRESHOLDS.map((k) => of(`ragThresholds.${k}`, `adminSettings.threshold.${k}`)),
    of('quorum', 'adminSettings.quorum'),
    ...QUORUM.map((k) => of(`quorum.${k}`, `adminSettings.quorum.${k}`)),
    of('watchWords', 'adminSettings.watchWords'),
    of('localNames', 'adminSettings.localNames'),
  ];
}
