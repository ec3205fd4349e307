// Curation: add or edit an entity, add a relationship with its evidence (citing a stored source or a new
// one), merge duplicates after a preview, delete. Each form calls one mutation; the server checks the
// editor token. Entities are picked by name (search), never typed as ids.
import type { Certainty, Entity, Source } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { Store } from '../state/store.ts';
import { CERTAINTIES, ENTITY_KINDS, type SourceInput } from '../state/domain.ts';
import { h, replaceChildren } from './dom.ts';
import { entityPicker, entityTitle, type EntityPicker } from './entity-picker.ts';

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
  const onCanvas = (): Entity[] =>
    Object.values(store.getState().history.present.entities).sort((a, b) => a.name.localeCompare(b.name));
  const selectedEntity = (): Entity | null => {
    const view = store.getState().history.present;
    return view.selection?.type === 'node' ? (view.entities[view.selection.id] ?? null) : null;
  };
  const picker = (id: string, label: string, onChange?: (e: Entity | null) => void): EntityPicker =>
    entityPicker({
      id,
      label,
      local: onCanvas,
      lookup: (text) => commands.lookup(text, id),
      ...(onChange ? { onChange } : {}),
    });
  const problem = () => h('p', { class: 'form-problem', attrs: { role: 'alert' } });

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
    const kind = choice(ENTITY_KINDS, existing?.kind ?? 'Organization');
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

  function sourceChooser(): {
    element: HTMLElement;
    read(): { sourceId?: string; source?: SourceInput } | string;
  } {
    const select = h(
      'select',
      { attrs: { id: 'rel-source' } },
      h('option', { attrs: { value: '' } }, 'Loading sources…'),
    );
    const newFields = {
      id: text(),
      title: text(),
      publisher: text(),
      publishedAt: text(),
      url: text(),
      language: text('ko'),
    };
    newFields.publishedAt.setAttribute('placeholder', 'YYYY-MM-DD');
    newFields.id.setAttribute('placeholder', 'e.g. bloomberg-2024-02-28-meta');
    const fresh = h(
      'fieldset',
      { class: 'new-source', attrs: { hidden: true } },
      h('legend', {}, 'New source'),
      field('src-id', 'Source id (slug)', newFields.id),
      field('src-title', 'Title (original language)', newFields.title),
      field('src-publisher', 'Publisher', newFields.publisher),
      field('src-published', 'Published on', newFields.publishedAt),
      field('src-url', 'URL', newFields.url),
      field('src-language', 'Language tag', newFields.language),
    );
    select.addEventListener('change', () => {
      fresh.hidden = select.value !== '__new';
    });
    void commands.sources().then((sources: Source[]) => {
      replaceChildren(
        select,
        ...sources
          .slice()
          .sort((x, y) => (y.publishedAt ?? '').localeCompare(x.publishedAt ?? ''))
          .map((src) =>
            h(
              'option',
              { attrs: { value: src.id } },
              [src.publisher, src.publishedAt, src.titleEn ?? src.title].filter(Boolean).join(' · '),
            ),
          ),
        h('option', { attrs: { value: '__new' } }, 'New source…'),
      );
      fresh.hidden = select.value !== '__new';
    });
    return {
      element: h('div', {}, field('rel-source', 'Source', select), fresh),
      read() {
        if (select.value !== '__new') return select.value ? { sourceId: select.value } : 'Choose a source.';
        const id = newFields.id.value.trim();
        const title = newFields.title.value.trim();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
          return 'The new source needs an id: lowercase letters, digits and dashes.';
        if (!title) return 'The new source needs a title.';
        const source: SourceInput = { id, title };
        const put = (key: 'publisher' | 'publishedAt' | 'url' | 'language') => {
          const v = opt(newFields[key].value);
          if (v) source[key] = v;
        };
        put('publisher');
        put('publishedAt');
        put('url');
        put('language');
        return { source };
      },
    };
  }

  function relationshipForm(): void {
    const from = picker('rel-from', 'From');
    const to = picker('rel-to', 'To');
    const type = text('', true);
    type.setAttribute('pattern', '[A-Z][A-Z0-9_]*');
    type.setAttribute('placeholder', 'MET_WITH');
    const quote = area();
    quote.required = true;
    const translation = area();
    const attributedTo = text();
    const certainty = choice(CERTAINTIES);
    const source = sourceChooser();
    const occurredAt = text();
    const trouble = problem();
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            const a = from.value();
            const b = to.value();
            const cited = source.read();
            trouble.textContent =
              !a || !b ? 'Pick both ends from the suggestions.' : typeof cited === 'string' ? cited : '';
            if (!a || !b || typeof cited === 'string') return;
            const ok = await commands.createRelationship({
              type: type.value.trim(),
              fromId: a.id,
              toId: b.id,
              occurredAt: opt(occurredAt.value),
              evidence: [
                {
                  quote: quote.value.trim(),
                  translation: opt(translation.value),
                  attributedTo: opt(attributedTo.value),
                  certainty: certainty.value as Certainty,
                  ...cited,
                },
              ],
            });
            if (ok) dialog.close();
          },
        },
      },
      from.element,
      field('rel-type', 'Type (UPPER_SNAKE verb)', type),
      to.element,
      field('rel-occurred', 'Occurred at', occurredAt),
      field('rel-quote', 'Quote (original language)', quote),
      field('rel-translation', 'English translation', translation),
      field('rel-attributed', 'Attributed to', attributedTo),
      field('rel-certainty', 'Certainty', certainty),
      source.element,
      trouble,
      buttons(),
    );
    show('Add relationship with evidence', form);
    from.set(selectedEntity());
  }

  /** What a merge would do, in words, before it is done. */
  function mergePreview(keep: Entity | null, merge: Entity | null): HTMLElement[] {
    if (!keep || !merge)
      return [h('p', { class: 'muted' }, 'Pick both entities to see what the merge does.')];
    if (keep.id === merge.id) return [h('p', { class: 'form-problem' }, 'Pick two different entities.')];
    const view = store.getState().history.present;
    const rels = Object.values(view.relationships);
    const movedRels = rels.filter(
      (r) => (r.fromId === merge.id || r.toId === merge.id) && r.fromId !== keep.id && r.toId !== keep.id,
    );
    const between = rels.filter(
      (r) => (r.fromId === merge.id && r.toId === keep.id) || (r.fromId === keep.id && r.toId === merge.id),
    );
    const gained = [merge.name, merge.nameKo ?? '', ...merge.aliases].filter(
      (a) => a && a !== keep.name && a !== keep.nameKo && !keep.aliases.includes(a),
    );
    return [
      h(
        'p',
        {},
        h('strong', {}, entityTitle(merge)),
        ' will be merged into ',
        h('strong', {}, entityTitle(keep)),
        '.',
      ),
      h(
        'ul',
        { class: 'merge-preview' },
        h('li', {}, gained.length ? `New aliases for ${keep.name}: ${gained.join(', ')}` : 'No new aliases.'),
        h(
          'li',
          {},
          `${movedRels.length} relationship${movedRels.length === 1 ? '' : 's'} on the canvas move to ${keep.name}` +
            ' (all of its relationships move on the server, evidence kept).',
        ),
        between.length
          ? h(
              'li',
              {},
              `${between.length} relationship${between.length === 1 ? '' : 's'} between the two will be dropped.`,
            )
          : null,
        merge.kind !== keep.kind
          ? h('li', { class: 'form-problem' }, `Kinds differ: ${merge.kind} into ${keep.kind}.`)
          : null,
        h('li', {}, `${merge.name} is kept on the server as merged; Undo (Ctrl-Z) unmerges it.`),
      ),
    ];
  }

  function mergeForm(): void {
    const preview = h('div', {
      class: 'merge-preview-box',
      attrs: { 'aria-live': 'polite', id: 'merge-preview' },
    });
    const refresh = () => replaceChildren(preview, ...mergePreview(keep.value(), merge.value()));
    const keep = picker('merge-keep', 'Keep', refresh);
    const merge = picker('merge-drop', 'Merge into it (the duplicate)', refresh);
    const trouble = problem();
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            const a = keep.value();
            const b = merge.value();
            trouble.textContent =
              !a || !b
                ? 'Pick both entities from the suggestions.'
                : a.id === b.id
                  ? 'Pick two different entities.'
                  : '';
            if (!a || !b || a.id === b.id) return;
            if (await commands.mergeEntities(a.id, b.id)) dialog.close();
          },
        },
      },
      h('p', {}, 'Aliases, relationships and evidence move to the kept entity.'),
      keep.element,
      merge.element,
      preview,
      trouble,
      h(
        'div',
        { class: 'button-row' },
        h('button', { class: 'primary', attrs: { type: 'submit', id: 'merge-confirm' } }, 'Merge'),
        h('button', { attrs: { type: 'button' }, on: { click: () => dialog.close() } }, 'Cancel'),
      ),
    );
    show('Merge duplicates', form);
    keep.set(selectedEntity());
    refresh();
  }

  function deleteForm(entity: Entity): void {
    const form = h(
      'form',
      {
        on: {
          submit: async (e) => {
            e.preventDefault();
            if (await commands.deleteEntity(entity.id)) dialog.close();
          },
        },
      },
      h(
        'p',
        {},
        `Delete ${entityTitle(entity)} for everyone? Its relationships are hidden with it. Undo (Ctrl-Z) restores it.`,
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { class: 'primary', attrs: { type: 'submit', id: 'delete-confirm' } }, 'Delete'),
        h('button', { attrs: { type: 'button' }, on: { click: () => dialog.close() } }, 'Cancel'),
      ),
    );
    show(`Delete ${entity.name}`, form);
  }

  return { entityForm, relationshipForm, mergeForm, deleteForm };
}

export function mountCurationMenu(
  root: HTMLElement,
  store: Store<AppState>,
  forms: ReturnType<typeof mountCurationForms>,
): void {
  const status = h('p', { class: 'muted', attrs: { id: 'curation-token-status' } });
  const paint = () =>
    (status.textContent = store.getState().ui.token
      ? 'Editor token set: changes are saved to the server for everyone.'
      : 'Needs an editor token (Settings).');
  replaceChildren(
    root,
    status,
    h(
      'div',
      { class: 'button-column' },
      h('button', { on: { click: () => forms.entityForm(null) } }, 'Add entity…'),
      h('button', { on: { click: () => forms.relationshipForm() } }, 'Add relationship…'),
      h(
        'button',
        { attrs: { id: 'merge-open' }, on: { click: () => forms.mergeForm() } },
        'Merge duplicates…',
      ),
    ),
  );
  store.subscribe((state, previous) => {
    if (state.ui.token !== previous.ui.token) paint();
  });
  paint();
}
