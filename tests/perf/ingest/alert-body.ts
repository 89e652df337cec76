/** A hotline alert as an operator types it: no caller details (sealing one is a separate cost). */
export const ALERT_BODY = JSON.stringify({
  channel: 'hotline',
  receivedAt: '2020-03-05T09:30:00Z',
  location: { lat: 14.3501, lon: -3.6104, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
  threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00Z' },
  description: 'Armed men on motorbikes seen gathering east of the village',
  reliability: 'C',
  credibility: 3,
});
