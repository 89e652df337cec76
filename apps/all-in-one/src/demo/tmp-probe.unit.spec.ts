import { buffaloScenario } from './buffalo-scenario';
import { deciderOf } from './scenario-step';
it('folds', () => {
  const steps = buffaloScenario();
  const states = new Map<string, unknown>();
  for (const s of steps) {
    const d = deciderOf(s);
    const st = states.get(s.streamId) ?? d.initialState();
    const evs = d.decide(s.command, st);
    states.set(s.streamId, evs.reduce(d.evolve, st));
  }
  console.log(steps.length, JSON.stringify(steps.slice(0, 3), null, 1));
});
