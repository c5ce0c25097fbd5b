// The council's forums: name, who they are for, how often they meet, and whether still running.
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { AUDIENCES } from './settings-draft.js';
import '../pt-select-field.js';
import { t } from '../../i18n/messages.js';
import { SettingsSection, settingsGroup } from './settings-section.js';
import '../pt-text-field.js';

@customElement('pt-settings-forums')
export class PtSettingsForums extends SettingsSection {
  override render() {
    const d = this.draft;
    return settingsGroup(
      'forums',
      t('adminSettings.forums'),
      t('adminSettings.forumsHint'),
      this.err('forums'),
      html`${d.forums.length ? nothing : html`<p class="govuk-body">${t('adminSettings.noForums')}</p>`}
        ${d.forums.map(
          (f, i) =>
            html`<fieldset class="govuk-fieldset pt-admin-row">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                ${t('adminSettings.forum', { n: i + 1 })}
              </legend>
              <pt-text-field
                name="forums.${i}.name"
                label=${t('adminSettings.forumName')}
                width="two-thirds"
                .value=${f.name}
                error=${this.err(`forums.${i}.name`)}
              ></pt-text-field>
              <pt-select-field
                name="forums.${i}.audience"
                label=${t('adminSettings.forumAudience')}
                .value=${f.audience}
                error=${this.err(`forums.${i}.audience`)}
                .options=${AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
              ></pt-select-field>
              <pt-text-field
                name="forums.${i}.frequency"
                label=${t('adminSettings.forumFrequency')}
                hint=${t('adminSettings.forumFrequencyHint')}
                optional
                width="one-third"
                .value=${f.frequency}
                error=${this.err(`forums.${i}.frequency`)}
              ></pt-text-field>
              <div class="govuk-form-group">
                <div class="govuk-checkboxes govuk-checkboxes--small">
                  <div class="govuk-checkboxes__item">
                    <input
                      class="govuk-checkboxes__input"
                      id="f-forums.${i}.active"
                      name="forums.${i}.active"
                      type="checkbox"
                      .checked=${f.active}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for="f-forums.${i}.active"
                      >${t('adminSettings.forumActive')}</label
                    >
                  </div>
                </div>
              </div>
              <button
                type="button"
                class="govuk-button govuk-button--warning"
                @click=${() => this.emit('pt-settings-remove', i)}
              >
                ${t('adminSettings.removeForum', { n: i + 1 })}
              </button>
            </fieldset>`,
        )}
        <button type="button" class="govuk-button govuk-button--secondary" @click=${() => this.emit('pt-settings-add')}>
          ${t('adminSettings.addForum')}
        </button>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pt-settings-forums': PtSettingsForums;
  }
}
