// Trajectory Builder: from one occupation to another through the taxonomy, with CV evidence and a timeline.
export { buildTrajectory } from './build-trajectory';
export * from './schemas';
