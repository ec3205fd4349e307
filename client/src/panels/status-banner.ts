// Loading, error and notice banners. A database outage gets its own plain-language message.
import type { AppState, UiError } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

function explain(error: UiError): string {
  switch (error.code) {
    case 'DATABASE_UNAVAILABLE':
      return 'The graph database is unavailable. Your view is kept; try again in a moment.';
    case 'NETWORK_ERROR':
      return 'The Linkage server cannot be reached. Check that it is running.';
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return 'This needs an editor token. Set it under Settings.';
    case 'CONFLICT':
      return `Someone changed this first: ${error.message} Reload the entity and try again.`;
    case 'NOT_FOUND':
      return `Not found: ${error.message}`;
    case 'BAD_USER_INPUT':
      return `Check the input: ${error.message}`;
    default:
      return `Something went wrong: ${error.message}`;
  }
}

export function mountStatusBanner(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  const loading = h('div', { class: 'loading', attrs: { role: 'status', 'aria-live': 'polite' } });
  const alert = h('div', { class: 'banner-slot', attrs: { role: 'alert' } });
  const notice = h('div', { class: 'banner-slot', attrs: { role: 'status', 'aria-live': 'polite' } });
  replaceChildren(root, loading, alert, notice);

  function render(state: AppState): void {
    loading.textContent = state.ui.loading ?? '';
    loading.classList.toggle('active', state.ui.loading !== null);
    const error = state.ui.error;
    replaceChildren(
      alert,
      error
        ? h(
            'div',
            { class: `banner banner-error${error.code === 'DATABASE_UNAVAILABLE' ? ' banner-db' : ''}` },
            h('span', {}, explain(error)),
            h(
              'button',
              { attrs: { 'aria-label': 'Dismiss error' }, on: { click: commands.dismissError } },
              '×',
            ),
          )
        : null,
    );
    replaceChildren(
      notice,
      state.ui.notice
        ? h(
            'div',
            { class: 'banner banner-notice' },
            h('span', {}, state.ui.notice),
            h(
              'button',
              { attrs: { 'aria-label': 'Dismiss notice' }, on: { click: commands.dismissNotice } },
              '×',
            ),
          )
        : null,
    );
  }
  store.subscribe((state, previous) => {
    if (
      state.ui.loading !== previous.ui.loading ||
      state.ui.error !== previous.ui.error ||
      state.ui.notice !== previous.ui.notice
    )
      render(state);
  });
  render(store.getState());
}
