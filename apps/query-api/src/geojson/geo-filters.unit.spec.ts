import { boundsOf, parseBbox, parseNear, placeFilter, spatialFilter } from './geo-filters';

const BANKASS = { lat: 14.0775, lon: -3.5159, cercle: 'Bankass', region: 'Mopti' };
const north = (km: number) => ({ ...BANKASS, lat: BANKASS.lat + km / 111.2 });

describe('geo filters', () => {
  it('reads a bbox as minLon,minLat,maxLon,maxLat', () => {
    expect(parseBbox('-4.5,13.5,-2.5,15')).toEqual({ minLon: -4.5, minLat: 13.5, maxLon: -2.5, maxLat: 15 });
    expect(parseBbox('-180,-90,180,90')).toEqual({ minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 });
    expect(parseBbox(' 1 ,2, 3,4')).toEqual({ minLon: 1, minLat: 2, maxLon: 3, maxLat: 4 });
  });

  it.each(['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', '1,2,,4', '-181,0,0,1', '0,-91,1,0', '0,0,181,1', '2,0,1,1', '0,2,1,1', '1e1,0,20,1', 'NaN,0,1,1'])('refuses bbox %p', (text) => {
    expect(parseBbox(text)).toBeUndefined();
  });

  it('reads near as lat,lon and refuses anything else', () => {
    expect(parseNear('14.0775,-3.5159')).toEqual({ lat: 14.0775, lon: -3.5159 });
    for (const bad of ['14', '14,-3,1', '91,0', '0,181', 'x,y', '', undefined, ['1,2']]) expect(parseNear(bad)).toBeUndefined();
  });

  it('keeps points within bbox (edges included) and within radiusKm of near', () => {
    const inBox = spatialFilter({ bbox: '-3.6,14,-3.5159,14.0775' });
    expect(inBox(BANKASS)).toBe(true);
    expect(inBox({ lat: 14.08, lon: -3.5 })).toBe(false);
    const within10 = spatialFilter({ near: '14.0775,-3.5159', radiusKm: 10 });
    expect(within10(north(9.9))).toBe(true);
    expect(within10(north(10.1))).toBe(false);
    expect(spatialFilter({})(north(5000))).toBe(true);
  });

  it('matches cercle and region only where the location names them', () => {
    expect(placeFilter({ cercle: 'Bankass' })(BANKASS)).toBe(true);
    expect(placeFilter({ cercle: 'Koro' })(BANKASS)).toBe(false);
    expect(placeFilter({ region: 'Mopti', near: '14.0775,-3.5159', radiusKm: 1 })(BANKASS)).toBe(true);
    expect(placeFilter({ region: 'Mopti' })({ lat: 14, lon: -3 })).toBe(false);
  });

  it('bounds a store query by bbox and the circle, never leaving out a point the exact test keeps', () => {
    expect(boundsOf({})).toBeUndefined();
    expect(boundsOf({ bbox: '-4,13,-3,15' })).toEqual({ minLon: -4, minLat: 13, maxLon: -3, maxLat: 15 });
    const box = boundsOf({ near: '14.0775,-3.5159', radiusKm: 50 })!;
    const keep = spatialFilter({ near: '14.0775,-3.5159', radiusKm: 50 });
    for (let deg = 0; deg < 360; deg += 15) {
      const r = 49.99 / 111.2;
      const p = { lat: 14.0775 + r * Math.cos((deg * Math.PI) / 180), lon: -3.5159 + (r * Math.sin((deg * Math.PI) / 180)) / Math.cos((14.0775 * Math.PI) / 180) };
      if (keep(p)) expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon).toBe(true);
    }
    expect(boundsOf({ near: '14,-3', radiusKm: 50, bbox: '-3,14,10,20' })).toMatchObject({ minLon: -3, minLat: 14 });
    // Across the antimeridian or near a pole: the whole range of longitudes.
    expect(boundsOf({ near: '0,179.9', radiusKm: 50 })).toMatchObject({ minLon: -180, maxLon: 180 });
    expect(boundsOf({ near: '89.9,0', radiusKm: 50 })).toMatchObject({ minLon: -180, maxLon: 180, maxLat: 90 });
  });
});
