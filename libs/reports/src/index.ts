// @poc/reports: the period report (issue 16), composed of pure sections over the read models and
// the deterrence engine, fetched through the same ReadModelReader port the engine reads by.
export * from './figure';
export * from './period';
export * from './gather-period-report';
export * from './render-markdown';
export * from './sections/incidents.section';
export * from './sections/alerts.section';
export * from './sections/operations.section';
export * from './sections/deterrence.section';
export * from './sections/tobs.section';
export * from './sections/alert-outcomes.section';
export * from './sections/vehicles.section';
export * from './sections/justice.section';
export * from './sections/evaluations.section';
export * from './sections/flights-and-ieds.section';
