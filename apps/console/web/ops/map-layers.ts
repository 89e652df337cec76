import L from 'leaflet';
import 'leaflet.markercluster';
import { getJson, query } from '../shared/api';
import { alertMarker, baseMarker, flightMarker, iedMarker, incidentMarker, patrolPopup, patrolStyle, stopMarker } from './layer-styles';

export const LAYERS = ['incidents', 'alerts', 'patrols', 'bases', 'ieds', 'flights'] as const;
export type LayerName = (typeof LAYERS)[number];
export type Filters = Readonly<{ from?: string; to?: string; cercle?: string; kind?: string; priority?: string }>;

type Collection = GeoJSON.FeatureCollection & { total: number; nextCursor: string | null };

const point = (make: (p: Record<string, unknown>, latlng: L.LatLng) => L.Layer) => (feature: GeoJSON.Feature, latlng: L.LatLng) => make(feature.properties ?? {}, latlng);

/** Each layer's own filters: a kind is an incident's, a priority an alert's. */
const params = (name: LayerName, f: Filters, minPosition?: number): Record<string, string | number | undefined> => ({
  from: f.from,
  to: f.to,
  cercle: f.cercle,
  // The API's largest page: beyond it the map says how many of the total it shows.
  limit: 10_000,
  ...(name === 'incidents' && { kind: f.kind }),
  // Not closed is open to the centre (received or triaged): closed ones are dropped as drawn.
  ...(name === 'alerts' && { priority: f.priority }),
  ...(minPosition && { minPosition }),
});

const build = (name: LayerName, data: Collection): L.Layer => {
  switch (name) {
    case 'incidents': {
      // Clustered: 10,000 incidents as single markers would bury the map (and the browser).
      const cluster = L.markerClusterGroup({ chunkedLoading: true, disableClusteringAtZoom: 11, maxClusterRadius: 40 });
      cluster.addLayer(L.geoJSON(data, { pointToLayer: point(incidentMarker) }));
      return cluster;
    }
    case 'alerts': return L.geoJSON(data, { pointToLayer: point(alertMarker), filter: (f) => f.properties?.status !== 'closed' });
    case 'patrols': return L.geoJSON(data, { style: patrolStyle, pointToLayer: point(stopMarker), onEachFeature: (f, l) => f.geometry.type !== 'Point' && l.bindPopup(patrolPopup(f.properties ?? {})) });
    case 'bases': return L.geoJSON(data, { pointToLayer: point(baseMarker) });
    case 'ieds': return L.geoJSON(data, { pointToLayer: point(iedMarker) });
    case 'flights': return L.geoJSON(data, { pointToLayer: point(flightMarker) });
  }
};

export type LoadedLayer = Readonly<{ layer: L.Layer; shown: number; total: number }>;

/** One layer from `/<layer>.geojson`; `minPosition` after a live event makes sure that event is in. */
export const loadLayer = async (name: LayerName, filters: Filters, minPosition?: number): Promise<LoadedLayer> => {
  const data = await getJson<Collection>(`/${name}.geojson${query(params(name, filters, minPosition))}`, 'application/geo+json');
  const layer = build(name, data);
  const shown = name === 'alerts' ? data.features.filter((f) => f.properties?.status !== 'closed').length : data.features.length;
  return { layer, shown, total: data.total };
};
