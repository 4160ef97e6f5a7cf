// Small form helpers shared by the account pages: a labelled input and a submit handler that
// disables the button while the request runs and shows the API's error beside the form.
import { h, replace } from '../dom';
import { renderApiError } from '../submit/error-box';

export function field(label: string, name: string, type = 'text', attrs: Record<string, unknown> = {}): HTMLElement {
  const id = `field-${name}`;
  return h('p', { class: 'form-field' }, h('label', { for: id }, label), h('input', { id, name, type, ...attrs }));
}

export function valueOf(form: HTMLFormElement, name: string): string {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
}

/** Runs `action` on submit; errors land in the form's error area, named by what was being done. */
export function onSubmit(form: HTMLFormElement, doing: string, action: (form: HTMLFormElement) => Promise<void>): void {
  const errors = h('div', { class: 'form-errors', 'aria-live': 'polite' });
  form.append(errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    replace(errors);
    action(form)
      .catch((error: unknown) => {
        replace(errors, renderApiError(error, doing));
      })
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}
