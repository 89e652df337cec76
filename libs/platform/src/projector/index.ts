// @poc/platform/projector: the one projector (event stream → read models), its feeds chosen by the bus.
export { ProjectorModule } from './projector.module';
