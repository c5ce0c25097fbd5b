// Admins add and edit promises: English and Welsh, staff and child-friendly wording. Field
// problems from the API appear against their field; a 409 shows the other person's version.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CouncilPromise, Person, Theme } from '../../server/contracts/index.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { api } from '../api/client.js';
import { navigate } from '../router.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController, personOptions, readDraft, theirVersionBanner } from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import '../components/pt-text-field.js';
import '../components/pt-character-count.js';
import '../components/pt-reading-age.js';
import '../components/pt-select-field.js';
import '../components/pt-radios-field.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import { sameWordsBox } from '../components/same-words-box.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';

const AUDIENCES = ['children_in_care', 'care_leavers', 'both'] as const;
/** Form order, which is also the error summary's order. */
const FIELDS = [
  'themeId',
  'staffText',
  'childText',
  'staffTextCy',
  'childTextCy',
  'audience',
  'ownerId',
  'linkChampion',
  'strategyPeriod',
  'sortOrder',
] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  themeId: 'promiseForm.theme',
  staffText: 'promiseForm.staffText',
  childText: 'promiseForm.childText',
  staffTextCy: 'promiseForm.staffTextCy',
  childTextCy: 'promiseForm.childTextCy',
  audience: 'promiseForm.audience',
  ownerId: 'promiseForm.owner',
  linkChampion: 'promiseForm.linkChampion',
  strategyPeriod: 'promiseForm.strategyPeriod',
  sortOrder: 'promiseForm.sortOrder',
};

type Draft = Record<Field, string>;

function draftOf(p: CouncilPromise | null): Draft {
  return {
    themeId: p ? String(p.themeId) : '',
    staffText: p?.staffText ?? '',
    childText: p?.childText ?? '',
    staffTextCy: p?.staffTextCy ?? '',
    childTextCy: p?.childTextCy ?? '',
    audience: p?.audience ?? 'both',
    ownerId: p?.ownerId ? String(p.ownerId) : '',
    linkChampion: p?.linkChampion ?? '',
    strategyPeriod: p?.strategyPeriod ?? '',
    sortOrder: p ? String(p.sortOrder) : '',
  };
}

@customElement('pt-promise-form-page')
export class PtPromiseFormPage extends PtLightElement {
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  /** 0 for a new promise. */
  @property({ type: Number }) promiseId = 0;

  @state() private draft: Draft = draftOf(null);
  @state() private version = 0;
  @state() private theirs: CouncilPromise | null = null;
  /** The children's words are the staff words: their boxes are hidden, the approval gate is not. */
  @state() private sameWords = false;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: (err) => {
      if (!err.current) return false;
      // Their version becomes the form's starting point; the user redoes their change on top.
      const current = err.current as CouncilPromise;
      this.theirs = current;
      this.draft = draftOf(current);
      this.version = current.version;
      window.scrollTo(0, 0);
      return true;
    },
  });

  private load = new Task(this, {
    task: async ([id], { signal }) => {
      const [themes, people, promise] = await Promise.all([
        api.get<{ items: Theme[] }>('/themes', signal),
        api.get<{ items: Person[] }>('/people', signal),
        id ? api.get<CouncilPromise>(`/promises/${id}`, signal) : Promise.resolve(null),
      ]);
      this.draft = draftOf(promise);
      this.sameWords = promise?.sameWords ?? false;
      this.version = promise?.version ?? 0;
      return { themes: themes.items, people: people.items.filter((p) => !p.disabled) };
    },
    args: () => [this.promiseId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
    document.title = `${t(this.promiseId ? 'promiseForm.editTitle' : 'promiseForm.createTitle')} – ${t('app.name')}`;
  }

  private body(d: Draft) {
    const body: Record<string, unknown> = {
      staffText: d.staffText,
      childText: d.childText,
      staffTextCy: d.staffTextCy,
      childTextCy: d.childTextCy,
      linkChampion: d.linkChampion,
      strategyPeriod: d.strategyPeriod,
      ownerId: d.ownerId ? Number(d.ownerId) : null,
    };
    // Leave a missing choice out so the API names the field, rather than sending a wrong type.
    if (d.themeId) body.themeId = Number(d.themeId);
    if (d.audience) body.audience = d.audience;
    if (d.sortOrder.trim()) body.sortOrder = Number(d.sortOrder);
    else if (this.promiseId) body.sortOrder = 0;
    if (this.promiseId) body.version = this.version;
    body.sameWords = this.sameWords;
    if (this.sameWords) {
      delete body.childText;
      delete body.childTextCy;
    }
    return body;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const draft = readDraft(e.target as HTMLFormElement, FIELDS);
    this.draft = draft;
    await this.formState.submit(async () => {
      const saved = this.promiseId
        ? await api.patch<CouncilPromise>(`/promises/${this.promiseId}`, this.body(draft))
        : await api.post<CouncilPromise>('/promises', this.body(draft));
      navigate(`/promises/${saved.id}`);
    });
  }

  private conflict(themes: Theme[], people: Person[]) {
    const p = this.theirs;
    if (!p) return nothing;
    const themeName = themes.find((th) => th.id === p.themeId)?.name ?? String(p.themeId);
    const owner = people.find((u) => u.id === p.ownerId)?.name ?? t('promise.noOwner');
    return theirVersionBanner([
      { key: t(LABEL.themeId), value: themeName },
      { key: t(LABEL.staffText), value: p.staffText },
      { key: t(LABEL.childText), value: p.childText },
      { key: t(LABEL.staffTextCy), value: p.staffTextCy },
      { key: t(LABEL.childTextCy), value: p.childTextCy },
      { key: t(LABEL.audience), value: t(`audience.${p.audience}`) },
      { key: t(LABEL.ownerId), value: owner },
      { key: t(LABEL.linkChampion), value: p.linkChampion },
      { key: t(LABEL.strategyPeriod), value: p.strategyPeriod },
    ]);
  }

  private form(themes: Theme[], people: Person[]) {
    const d = this.draft;
    const e = this.formState.errors;
    const title = t(this.promiseId ? 'promiseForm.editTitle' : 'promiseForm.createTitle');
    return html`<a class="govuk-back-link" href=${this.promiseId ? `/promises/${this.promiseId}` : '/promises'}
        >${t('promise.back')}</a
      >
      ${this.conflict(themes, people)}
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${title}</h1>
      <form novalidate @submit=${(ev: SubmitEvent) => void this.submit(ev)}>
        <pt-select-field
          name="themeId"
          label=${t(LABEL.themeId)}
          .value=${d.themeId}
          error=${e.themeId ?? ''}
          .options=${[
            { value: '', label: t('promiseForm.chooseTheme') },
            ...themes.map((th) => ({ value: String(th.id), label: th.name })),
          ]}
        ></pt-select-field>
        <pt-character-count
          name="staffText"
          label=${t(LABEL.staffText)}
          hint=${t('promiseForm.staffTextHint')}
          maxlength="1000"
          .value=${d.staffText}
          error=${e.staffText ?? ''}
        ></pt-character-count>
        ${sameWordsBox(this.sameWords, (on) => (this.sameWords = on))}
        ${
          this.sameWords
            ? nothing
            : html`<pt-character-count
                  name="childText"
                  label=${t(LABEL.childText)}
                  hint=${t('promiseForm.childTextHint')}
                  maxlength="500"
                  .value=${d.childText}
                  error=${e.childText ?? ''}
                ></pt-character-count>
                <pt-reading-age for="f-childText" language="en"></pt-reading-age>`
        }
        <pt-character-count
          name="staffTextCy"
          ?hidden=${!this.welsh}
          label=${t(LABEL.staffTextCy)}
          optional
          maxlength="1000"
          .value=${d.staffTextCy}
          error=${e.staffTextCy ?? ''}
        ></pt-character-count>
        ${
          this.sameWords
            ? nothing
            : html`<pt-character-count
                  name="childTextCy"
                  ?hidden=${!this.welsh}
                  label=${t(LABEL.childTextCy)}
                  optional
                  maxlength="500"
                  .value=${d.childTextCy}
                  error=${e.childTextCy ?? ''}
                ></pt-character-count>
                <pt-reading-age for="f-childTextCy" language="cy" ?hidden=${!this.welsh}></pt-reading-age>`
        }
        <pt-radios-field
          name="audience"
          legend=${t(LABEL.audience)}
          .value=${d.audience}
          error=${e.audience ?? ''}
          .options=${AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
        ></pt-radios-field>
        <pt-select-field
          name="ownerId"
          label=${t(LABEL.ownerId)}
          .value=${d.ownerId}
          error=${e.ownerId ?? ''}
          .options=${[{ value: '', label: t('promiseForm.noOwner') }, ...personOptions(people)]}
        ></pt-select-field>
        <pt-text-field
          name="linkChampion"
          label=${t(LABEL.linkChampion)}
          hint=${t('promiseForm.linkChampionHint')}
          optional
          width="one-half"
          .value=${d.linkChampion}
          error=${e.linkChampion ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="strategyPeriod"
          label=${t(LABEL.strategyPeriod)}
          hint=${t('promiseForm.strategyPeriodHint')}
          optional
          width="10"
          .value=${d.strategyPeriod}
          error=${e.strategyPeriod ?? ''}
        ></pt-text-field>
        <pt-text-field
          name="sortOrder"
          label=${t(LABEL.sortOrder)}
          optional
          width="4"
          .value=${d.sortOrder}
          error=${e.sortOrder ?? ''}
        ></pt-text-field>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('form.save')}</button>
          <a class="govuk-link" href=${this.promiseId ? `/promises/${this.promiseId}` : '/promises'}
            >${t('form.cancel')}</a
          >
        </div>
      </form>`;
  }

  override render() {
    return taskView(
      this.load,
      ({ themes, people }) => this.form(themes, people),
      t(this.promiseId ? 'promiseForm.editTitle' : 'promiseForm.createTitle'),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-promise-form-page': PtPromiseFormPage;
  }
}
