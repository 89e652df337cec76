// The deterrence read model (docs/deterrence.md): a pure engine over presence episodes and
// incident views. Methodology version: METHODOLOGY_VERSION, stamped on every output.
export * from './methodology';
export * from './days';
export * from './episodes';
export * from './lean-incident';
export * from './precision';
export * from './vicinity';
export * from './cell-cover';
export * from './fetch-plan';
export * from './exposure';
export * from './attribution';
export * from './context';
export * from './episode-curves';
export * from './exact-interval';
export * from './horizon';
export * from './pooled';
export * from './groups';
export * from './reporting-lag';
export * from './retaliation';
export * from './imprecise';
export * from './compute-deterrence';
export * from './patrol-result';
export * from './selection-too-large';
export * from './read-model-reader';
export * from './deterrence-inputs';
