// Curation: add or edit an entity, add a relationship with its evidence, merge duplicates. Each form
// calls one mutation; the server checks the editor token.
import type { Certainty, Entity } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

const KINDS = ['Organization', 'Person', 'Product', 'Technology', 'Place', 'Event', 'Concept'];

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  input.id = id;
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), input);
}

const text = (value = '', required = false) => h('input', { attrs: { value, required } });
const area = (value = '') => {
  const el = h('textarea', { attrs: { rows: 3 } });
  el.value = value;
  return el;
};
const choice = (values: string[], selected = '') =>
  h('select', {}, ...values.map((v) => h('option', { attrs: { value: v, selected: v === selected } }, v)));
const opt = (v: string) => v.trim() || undefined;

export function mountCurationForms(dialog: HTMLDialogElement, store: Store<AppState>, commands: Commands) {
  const entityOptions = () =>
    Object.values(store.getState().history.present.entities)
      .map((e) => e.id)
      .sort();

  function show(title: string, form: HTMLFormElement): void {
    replaceChildren(dialog, h('h2', { attrs: { id: 'curation-title' } }, title), form);
    if (!dialog.open) dialog.showModal();
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  function buttons(): HTMLElement {
    return h(
      'div',
      { class: 'button-row' },
      h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Save'),
      h('button', { attrs: { type: 'button' }, on: { click: () => dialog.close() } }, 'Cancel'),
    );
  }

  function entityForm(existing: Entity | null): void {
    const kind = choice(KINDS, existing?.kind ?? 'Organization');
    const name = text(existing?.name, true);
    const nameKo = text(existing?.nameKo ?? '');
    const aliases = text(existing?.aliases.join(', ') ?? '');
    const description = area(existing?.description ?? '');
    const occurredAt = text(existing?.occurredAt ?? '');
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            const data = {
              kind: kind.value,
              name: name.value.trim(),
              nameKo: opt(nameKo.value),
              aliases: aliases.value
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
              description: opt(description.value),
              occurredAt: opt(occurredAt.value),
            };
            const ok = existing
              ? await commands.updateEntity(existing.id, existing.version, data)
              : await commands.createEntity(data);
            if (ok) dialog.close();
          },
        },
      },
      field('cur-kind', 'Kind', kind),
      field('cur-name', 'English name', name),
      field('cur-name-ko', 'Korean name', nameKo),
      field('cur-aliases', 'Aliases (comma separated)', aliases),
      field('cur-description', 'Description', description),
      field('cur-occurred', 'Occurred at (YYYY-MM-DD or from/to)', occurredAt),
      buttons(),
    );
    show(existing ? `Edit ${existing.name}` : 'Add entity', form);
  }

  function relationshipForm(): void {
    const ids = entityOptions();
    const from = choice(ids);
    const to = choice(ids, ids[1] ?? '');
    const type = text('', true);
    type.setAttribute('pattern', '[A-Z][A-Z0-9_]*');
    type.setAttribute('placeholder', 'MET_WITH');
    const quote = area();
    quote.required = true;
    const translation = area();
    const attributedTo = text();
    const certainty = choice(['CONFIRMED', 'REPORTED', 'SPECULATIVE']);
    const sourceId = text('', true);
    const occurredAt = text();
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            const ok = await commands.createRelationship({
              type: type.value.trim(),
              fromId: from.value,
              toId: to.value,
              occurredAt: opt(occurredAt.value),
              evidence: [
                {
                  quote: quote.value.trim(),
                  translation: opt(translation.value),
                  attributedTo: opt(attributedTo.value),
                  certainty: certainty.value as Certainty,
                  sourceId: sourceId.value.trim(),
                },
              ],
            });
            if (ok) dialog.close();
          },
        },
      },
      field('rel-from', 'From (on canvas)', from),
      field('rel-type', 'Type (UPPER_SNAKE verb)', type),
      field('rel-to', 'To (on canvas)', to),
      field('rel-occurred', 'Occurred at', occurredAt),
      field('rel-quote', 'Quote (original language)', quote),
      field('rel-translation', 'English translation', translation),
      field('rel-attributed', 'Attributed to', attributedTo),
      field('rel-certainty', 'Certainty', certainty),
      field('rel-source', 'Source id', sourceId),
      buttons(),
    );
    show('Add relationship with evidence', form);
  }

  function mergeForm(): void {
    const ids = entityOptions();
    const keep = choice(ids);
    const merge = choice(ids, ids[1] ?? '');
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            if (keep.value === merge.value) return;
            if (await commands.mergeEntities(keep.value, merge.value)) dialog.close();
          },
        },
      },
      h(
        'p',
        {},
        'Aliases, relationships and evidence move to the kept entity. The merge can be undone on the server.',
      ),
      field('merge-keep', 'Keep', keep),
      field('merge-drop', 'Merge into it (duplicate)', merge),
      buttons(),
    );
    show('Merge duplicates', form);
  }

  return { entityForm, relationshipForm, mergeForm };
}

export function mountCurationMenu(root: HTMLElement, forms: ReturnType<typeof mountCurationForms>): void {
  replaceChildren(
    root,
    h('p', { class: 'muted' }, 'Needs an editor token (Settings).'),
    h(
      'div',
      { class: 'button-column' },
      h('button', { on: { click: () => forms.entityForm(null) } }, 'Add entity…'),
      h('button', { on: { click: () => forms.relationshipForm() } }, 'Add relationship…'),
      h('button', { on: { click: () => forms.mergeForm() } }, 'Merge duplicates…'),
    ),
  );
}
