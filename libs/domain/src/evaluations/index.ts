export * from './evaluation.events';
export * from './evaluation.state';
export * from './evaluation.decider';
export { isCalendarQuarter } from './evaluation-rules';
export type { EvaluateUnit, EvaluateUnitData } from './evaluate-unit.command';
export type { IssueImprovementPlan, IssueImprovementPlanData } from './issue-improvement-plan.command';
export type { RecordImprovementMeasure } from './record-improvement-measure.command';
export type { CloseImprovementPlan } from './close-improvement-plan.command';
