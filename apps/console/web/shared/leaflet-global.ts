import L from 'leaflet';

// leaflet.markercluster extends the global `L` (it predates modules): it must exist before that plugin loads.
(window as unknown as { L: typeof L }).L = L;
