import type { EventName, Events, Input, Output, Result, RouteName } from './contract'

/** window.api: the closed surface the preload exposes (and the browser harness mirrors). */
export interface Api {
  request<R extends RouteName>(route: R, input: Input<R>): Promise<Result<Output<R>>>
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void
}
