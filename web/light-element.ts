// Pages, forms and their parts render into light DOM so that label/for, aria-describedby and the
// one global stylesheet all work across them (see STYLE.md).
import { LitElement } from 'lit';

export class PtLightElement extends LitElement {
  protected override createRenderRoot() {
    return this;
  }
}
