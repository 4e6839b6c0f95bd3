import { useEffect, useEffectEvent } from 'react'
import type { EventName, Events } from '@shared/ipc/contract'

/** Subscribes to a main → renderer event for the component's lifetime. */
export function useIpcEvent<E extends EventName>(
  name: E,
  onEvent: (payload: Events[E]) => void
): void {
  // An effect event always sees the latest callback without resubscribing on every render.
  const handle = useEffectEvent(onEvent)
  useEffect(() => window.api.on(name, (payload) => handle(payload)), [name])
}
