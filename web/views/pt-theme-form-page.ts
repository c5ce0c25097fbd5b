// Admins add and edit themes (English and Welsh, staff and child-friendly names).
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Theme } from '../../server/contracts/index.js';
import { themeIcons, type ThemeIcon } from '../../server/contracts/theme-icons.js';
import { PtLightElement } from '../light-element.js';
import { welshInUse } from '../welsh-in-use.js';
import { api } from '../api/client.js';
import { navigate } from '../router.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { FormController, theirVersionBanner } from '../controllers/form-controller.js';
import { taskView } from '../components/task-view.js';
import { sameWordsBox } from '../components/same-words-box.js';
import '../components/pt-text-field.js';
import '../components/pt-select-field.js';
import '../components/pt-reading-age.js';
import '../components/pt-error-summary.js';
import '../components/pt-notification-banner.js';
import '../components/pt-summary-list.js';
import '../components/pt-loading.js';
import '../components/pt-error-state.js';
import '../components/pt-colour-swatch.js';

const FIELDS = ['name', 'childName', 'nameCy', 'childNameCy', 'sortOrder', 'colour', 'icon'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, MessageKey> = {
  name: 'themeForm.name',
  childName: 'themeForm.childName',
  nameCy: 'themeForm.nameCy',
  childNameCy: 'themeForm.childNameCy',
  sortOrder: 'themeForm.sortOrder',
  colour: 'themeForm.colour',
  icon: 'themeForm.icon',
};
type Draft = Record<Field, string>;

const draftOf = (th: Theme | null): Draft => ({
  name: th?.name ?? '',
  childName: th?.childName ?? '',
  nameCy: th?.nameCy ?? '',
  childNameCy: th?.childNameCy ?? '',
  sortOrder: th ? String(th.sortOrder) : '',
  // A new theme left without a colour gets the next one no theme uses (server-side).
  colour: th?.colour ?? '',
  icon: th?.icon ?? 'star',
});

@customElement('pt-theme-form-page')
export class PtThemeFormPage extends PtLightElement {
  /** Welsh fields show only where the council uses Welsh (web/welsh-in-use.ts). */
  @state() private welsh = false;

  /** 0 for a new theme. */
  @property({ type: Number }) themeId = 0;

  @state() private draft: Draft = draftOf(null);
  @state() private version = 0;
  @state() private theirs: Theme | null = null;
  /** The colour as typed, for the swatch; null: the draft's. */
  @state() private swatch: string | null = null;
  /** The children's name is the staff name: its boxes are hidden, the approval gate is not. */
  @state() private sameWords = false;

  private formState = new FormController(this, {
    fields: FIELDS,
    labels: LABEL,
    onConflict: (err) => {
      if (!err.current) return false;
      const current = err.current as Theme;
      this.theirs = current;
      this.draft = draftOf(current);
      this.swatch = null;
      this.version = current.version;
      return true;
    },
  });

  private load = new Task(this, {
    task: async ([id], { signal }) => {
      const theme = id ? await api.get<Theme>(`/themes/${id}`, signal) : null;
      this.draft = draftOf(theme);
      this.sameWords = theme?.sameWords ?? false;
      this.version = theme?.version ?? 0;
      return true;
    },
    args: () => [this.themeId] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    void welshInUse().then((w) => (this.welsh = w));
    document.title = `${t(this.themeId ? 'themeForm.editTitle' : 'themeForm.createTitle')} – ${t('app.name')}`;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const d = {} as Draft;
    for (const f of FIELDS) d[f] = String(data.get(f) ?? '');
    this.draft = d;
    const body: Record<string, unknown> = {
      name: d.name,
      childName: d.childName,
      nameCy: d.nameCy,
      childNameCy: d.childNameCy,
      icon: d.icon as ThemeIcon,
    };
    if (this.themeId || d.colour.trim()) body.colour = d.colour.trim();
    if (d.sortOrder.trim()) body.sortOrder = Number(d.sortOrder);
    if (this.themeId) body.version = this.version;
    body.sameWords = this.sameWords;
    if (this.sameWords) {
      delete body.childName;
      delete body.childNameCy;
    }
    await this.formState.submit(async () => {
      const saved = this.themeId
        ? await api.patch<Theme>(`/themes/${this.themeId}`, body)
        : await api.post<Theme>('/themes', body);
      navigate(`/admin?${this.themeId ? 'theme-saved' : 'theme-added'}=${saved.id}`);
    });
  }

  private swatchLine(colour: string) {
    if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return nothing;
    return html`<p class="govuk-body">
      <pt-colour-swatch colour=${colour}></pt-colour-swatch>${t('themeForm.colourNow', { colour })}
    </p>`;
  }

  /** The swatch follows the colour as it is typed. */
  private typed(e: Event) {
    const input = e.target as HTMLInputElement;
    if (input.name === 'colour') this.swatch = input.value.trim();
  }

  private form() {
    const d = this.draft;
    const field = (f: Field, opts: { optional?: boolean; width?: string; hint?: string } = {}) =>
      html`<pt-text-field
        name=${f}
        label=${t(LABEL[f])}
        hint=${opts.hint ?? ''}
        width=${opts.width ?? 'two-thirds'}
        ?optional=${!!opts.optional}
        .value=${d[f]}
        error=${this.formState.errors[f] ?? ''}
      ></pt-text-field>`;
    const th = this.theirs;
    return html`<a class="govuk-back-link" href="/admin">${t('nav.admin')}</a>
      ${
        th
          ? theirVersionBanner(
              FIELDS.map((f) => ({
                key: t(LABEL[f]),
                value: f === 'icon' ? t(`themeForm.icon.${th.icon}`) : String(th[f]),
              })),
            )
          : nothing
      }
      <pt-error-summary .errors=${this.formState.summary()}></pt-error-summary>
      <h1 class="govuk-heading-l">${t(this.themeId ? 'themeForm.editTitle' : 'themeForm.createTitle')}</h1>
      <form novalidate @submit=${(e: SubmitEvent) => void this.submit(e)} @input=${(e: Event) => this.typed(e)}>
        ${field('name')} ${sameWordsBox(this.sameWords, (on) => (this.sameWords = on))}
        ${
          this.sameWords
            ? html`<div ?hidden=${!this.welsh}>${field('nameCy', { optional: true })}</div>`
            : html`${field('childName')} <pt-reading-age for="f-childName" language="en"></pt-reading-age>
                <div ?hidden=${!this.welsh}>
                  ${field('nameCy', { optional: true })} ${field('childNameCy', { optional: true })}
                  <pt-reading-age for="f-childNameCy" language="cy"></pt-reading-age>
                </div>`
        }
        ${field('sortOrder', { optional: true, width: '4' })}
        ${field('colour', {
          width: '10',
          optional: !this.themeId,
          hint: t(this.themeId ? 'themeForm.colourHint' : 'themeForm.colourHintNew'),
        })}
        ${this.swatchLine(this.swatch ?? d.colour)}
        <pt-select-field
          name="icon"
          label=${t('themeForm.icon')}
          hint=${t('themeForm.iconHint')}
          .options=${themeIcons.map((value) => ({ value, label: t(`themeForm.icon.${value}`) }))}
          .value=${d.icon}
          error=${this.formState.errors.icon ?? ''}
        ></pt-select-field>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button" ?disabled=${this.formState.busy}>${t('form.save')}</button>
          <a class="govuk-link" href="/admin">${t('form.cancel')}</a>
        </div>
      </form>`;
  }

  override render() {
    return taskView(this.load, () => this.form());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-theme-form-page': PtThemeFormPage;
  }
}
