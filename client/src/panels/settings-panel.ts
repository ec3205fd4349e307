// The editor token, kept in localStorage and sent as `Authorization: Bearer` with mutations.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { storeToken } from '../state/saved-views.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

export function mountSettingsPanel(
  root: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
  storage: Storage,
) {
  const input = h('input', {
    attrs: {
      id: 'token-input',
      type: 'password',
      autocomplete: 'off',
      value: store.getState().ui.token ?? '',
    },
  });
  const status = h('p', { class: 'muted', attrs: { role: 'status' } });
  const showStatus = () =>
    (status.textContent = store.getState().ui.token
      ? 'An editor token is set.'
      : 'No token: browsing is read-only.');
  replaceChildren(
    root,
    h(
      'form',
      {
        on: {
          submit: (e) => {
            e.preventDefault();
            const token = input.value.trim() || null;
            storeToken(storage, token);
            commands.setToken(token);
            showStatus();
          },
        },
      },
      h('label', { attrs: { for: 'token-input' } }, 'Editor token'),
      h('div', { class: 'inline' }, input, h('button', { attrs: { type: 'submit' } }, 'Save')),
    ),
    status,
  );
  showStatus();
}
