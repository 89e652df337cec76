import { getJson, query } from '../shared/api';
import { clear, h } from '../shared/dom';

export type Place = Readonly<{ name: string; kind: 'place' | 'cercle' | 'region'; lat: number; lon: number; precision: 1 | 2 | 3; cercle?: string; region: string }>;

/**
 * A combobox over the gazetteer (GET /places?q=): type, arrow keys to move, Enter to pick.
 * The server matches without accents, so "Segou" finds Ségou.
 */
export const placeSearch = (label: string, onPick: (place: Place) => void): HTMLElement => {
  const input = h('input', { id: 'f-place', type: 'text', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'place-options', 'aria-autocomplete': 'list' });
  const list = h('ul', { id: 'place-options', role: 'listbox', class: 'options', hidden: true });
  let places: Place[] = [];
  let active = -1;
  let timer: number | undefined;

  const render = (): void => {
    clear(
      list,
      ...places.map((p, i) =>
        h('li', { role: 'option', id: `place-${i}`, 'aria-selected': i === active ? 'true' : 'false', onmousedown: (e: MouseEvent) => (e.preventDefault(), pick(i)) },
          `${p.name} `, h('small', {}, [p.kind === 'place' ? p.cercle : p.kind, p.region].filter(Boolean).join(' › '))),
      ),
    );
    list.hidden = places.length === 0;
    input.setAttribute('aria-expanded', String(places.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `place-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number): void => {
    const place = places[i];
    if (!place) return;
    input.value = place.name;
    places = [];
    active = -1;
    render();
    onPick(place);
  };
  const search = async (): Promise<void> => {
    const q = input.value.trim();
    places = q ? await getJson<Place[]>(`/places${query({ q, limit: 8 })}`).catch(() => []) : [];
    active = places.length ? 0 : -1;
    render();
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      places = [];
      return render();
    }
    if (!places.length || !['ArrowDown', 'ArrowUp', 'Enter'].includes(e.key) || e.ctrlKey) return;
    e.preventDefault();
    if (e.key === 'Enter') return pick(active);
    active = (active + (e.key === 'ArrowDown' ? 1 : -1) + places.length) % places.length;
    render();
  });
  input.addEventListener('blur', () => window.setTimeout(() => ((places = []), render()), 150));
  return h('div', { class: 'field combo' }, h('label', { for: 'f-place' }, label), input, list);
};
