import { ApiRefused, getJson } from './shared/api';
import { $, clear, h } from './shared/dom';
import { t, type MessageKey } from './shared/i18n';
import { apiKey, canRead, canReport, canWrite, lang, setLang, signIn, signOut, type Role } from './shared/session';
import { onLinkChange } from './hotline/outbox';
import { hotlineView } from './hotline/hotline-view';
import { opsView } from './ops/ops-view';
import { analystView } from './analyst/analyst-view';

type View = 'hotline' | 'ops' | 'analyst';
type Me = Readonly<{ role: Role; actor: string }>;

const viewsOf = (role: Role): View[] => [...(canReport(role) ? (['hotline'] as const) : []), ...(canRead(role) ? (['ops', 'analyst'] as const) : [])];
const firstView = (role: Role): View => (role === 'operator' ? 'hotline' : role === 'analyst' ? 'analyst' : 'ops');

const signInForm = (root: HTMLElement, refused: boolean): void => {
  const key = h('input', { id: 'signin-key', type: 'password', autocomplete: 'off', required: true });
  clear(root, h('main', { class: 'signin' },
    h('h1', {}, t('app.title')),
    h('form', { 'data-signin': '', onsubmit: (e: Event) => (e.preventDefault(), signIn(key.value), void render(root)) },
      h('label', { for: 'signin-key' }, t('signin.key')), key, h('p', { class: 'hint' }, t('signin.hint')),
      refused && h('p', { class: 'error', role: 'alert', 'data-signin-error': '' }, t('signin.refused')),
      h('button', { type: 'submit', class: 'primary' }, t('signin.submit'))),
    langSwitch(root)));
  key.focus();
};

const langSwitch = (root: HTMLElement): HTMLElement =>
  h('button', { type: 'button', 'data-lang-switch': '', lang: lang() === 'fr' ? 'en' : 'fr', onclick: () => (setLang(lang() === 'fr' ? 'en' : 'fr'), void render(root)) }, t('lang.switch'));

/** The page for the signed-in role: only the views, and in them only the actions, that role may use. */
export const render = async (root: HTMLElement, view?: View, patrolId?: string): Promise<void> => {
  document.documentElement.lang = lang();
  document.title = t('app.title');
  if (!apiKey()) return signInForm(root, false);
  let me: Me;
  try {
    me = await getJson<Me>('/me');
  } catch (error) {
    if (error instanceof ApiRefused && error.problem.status === 401) return signOut(), signInForm(root, true);
    throw error;
  }
  const views = viewsOf(me.role);
  const shown = view && views.includes(view) ? view : firstView(me.role);
  const link = h('span', { class: 'link', 'data-link': 'up' }, t('link.up'));
  onLinkChange((state) => {
    link.setAttribute('data-link', state);
    link.textContent = t(state === 'up' ? 'link.up' : 'link.down');
  });
  const main = h('main', { id: 'main' });
  clear(root,
    h('header', {},
      h('strong', {}, t('app.title')),
      h('nav', { 'aria-label': 'views' }, ...views.map((v) => h('button', { type: 'button', 'data-view': v, 'aria-current': v === shown ? 'page' : false, onclick: () => void render(root, v) }, t(`nav.${v}` as MessageKey)))),
      h('span', { class: 'who', 'data-role': me.role }, t(`role.${me.role}` as MessageKey)),
      link,
      langSwitch(root),
      h('button', { type: 'button', 'data-signout': '', onclick: () => (signOut(), void render(root)) }, t('signout'))),
    main);
  if (shown === 'hotline') main.append(hotlineView(me.actor));
  // From a patrol's popup on the map to that patrol's own curve.
  else if (shown === 'ops') main.append(opsView(canWrite(me.role), (id) => void render(root, 'analyst', id)));
  else {
    const analyst = analystView();
    main.append(analyst.element);
    if (patrolId) analyst.showPatrol(patrolId);
  }
  $<HTMLElement>(root, 'header nav button[aria-current]').focus();
};
