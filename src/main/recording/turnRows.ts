// Turn rows are shared pure logic: the renderer's replay builds them from the same reducer state.
export { turnRows } from '../../shared/live-call/turnRows'
