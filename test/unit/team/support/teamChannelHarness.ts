import type { TeamChannelState } from '../../../../src/shared/team/boardSnapshot'
import type { TeamEvent } from '../../../../src/shared/team/teamEvents'
import { TeamChannel, type TeamChannelOptions } from '../../../../src/main/team/TeamChannel'

/** A started channel that records what it receives, its states and its log lines. */
export interface RecordingChannel {
  channel: TeamChannel
  events: TeamEvent[]
  states: TeamChannelState[]
  logs: string[]
}

export async function openRecordingChannel(options: TeamChannelOptions): Promise<RecordingChannel> {
  const logs: string[] = []
  const channel = new TeamChannel({ log: (line) => logs.push(line), ...options })
  const events: TeamEvent[] = []
  const states: TeamChannelState[] = []
  channel.onEvent((event) => events.push(event))
  channel.onState((state) => states.push(state))
  if ((await channel.start()) !== 'connected') throw new Error(`not connected: ${logs.join('; ')}`)
  return { channel, events, states, logs }
}

/** Polls until `check` holds, or fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
