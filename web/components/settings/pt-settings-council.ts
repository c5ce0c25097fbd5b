// The council's name, nation, Welsh, time zone and timings. "Use Welsh" tells the page, which hides
// the Welsh boxes elsewhere while it is off (hidden, not removed, so what they hold is sent back
// unchanged).
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { TIMINGS } from './settings-draft.js';
import '../pt-radios-field.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-council')
export class PtSettingsCouncil extends SettingsSection {
  /** Choosing Wales ticks "Use Welsh" (as the server does when only the nation is sent); it can be unticked. */
  private nationChanged(e: Event) {
    const box = this.querySelector<HTMLInputElement>('#f-useWelsh');
    if ((e.target as HTMLInputElement).value !== 'wales' || !box || box.checked) return;
    box.checked = true;
    this.emit('pt-settings-changed');
  }

  override render() {
    const d = this.draft;
    return html`<h2 class="govuk-heading-m">${t('adminSettings.council')}</h2>
      <pt-text-field
        name="councilName"
        label=${t('adminSettings.councilName')}
        .value=${d.councilName}
        error=${this.err('councilName')}
      ></pt-text-field>
      <pt-radios-field
        name="nation"
        legend=${t('adminSettings.nation')}
        hint=${t('adminSettings.nationHint')}
        .value=${d.nation}
        error=${this.err('nation')}
        .options=${(['england', 'wales'] as const).map((n) => ({ value: n, label: t(`adminSettings.nation.${n}`) }))}
        @change=${(e: Event) => this.nationChanged(e)}
      ></pt-radios-field>
      <div class="govuk-form-group">
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item">
            <input
              class="govuk-checkboxes__input"
              id="f-useWelsh"
              name="useWelsh"
              type="checkbox"
              aria-describedby="f-useWelsh-hint"
              ?checked=${d.useWelsh}
              @change=${() => this.emit('pt-settings-changed')}
            />
            <label class="govuk-label govuk-checkboxes__label" for="f-useWelsh">${t('adminSettings.useWelsh')}</label>
            <div id="f-useWelsh-hint" class="govuk-hint govuk-checkboxes__hint">${t('adminSettings.useWelshHint')}</div>
          </div>
        </div>
      </div>
      <pt-text-field
        name="councilNameCy"
        ?hidden=${!d.useWelsh}
        label=${t('adminSettings.councilNameCy')}
        hint=${t('adminSettings.councilNameCyHint')}
        optional
        .value=${d.councilNameCy}
        error=${this.err('councilNameCy')}
      ></pt-text-field>
      <pt-text-field
        name="timeZone"
        label=${t('adminSettings.timeZone')}
        hint=${t('adminSettings.timeZoneHint')}
        width="one-third"
        .value=${d.timeZone}
        error=${this.err('timeZone')}
      ></pt-text-field>
      <h2 class="govuk-heading-m">${t('adminSettings.timings')}</h2>
      ${TIMINGS.map(
        (k) =>
          html`<pt-text-field
            name=${k}
            label=${t(`adminSettings.${k}`)}
            hint=${k === 'dueSoonDays' ? '' : t(`adminSettings.${k}Hint`)}
            width="4"
            .value=${d.timings[k]}
            error=${this.err(k)}
          ></pt-text-field>`,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-council': PtSettingsCouncil;
  }
}
