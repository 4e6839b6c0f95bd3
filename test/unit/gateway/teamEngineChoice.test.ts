import { describe, expect, it } from 'vitest'
import { TeamEngineChoice } from '../../../src/main/gateway/TeamEngineChoice'
import type { TeamGatewayEngine } from '../../../src/shared/gateway/teamGatewayEngine'
import type { VoiceEngine } from '../../../src/shared/live-call/voiceEngine'

// The engine of an instance's next call while the team database comes and goes: the last
// choice read stays in force, settings.json applies until one was ever read, and a read that
// finishes after a later one cannot bring back the older choice.

const AWAY = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
  code: 'ECONNREFUSED'
})
const chosen = (engine: VoiceEngine | null): TeamGatewayEngine => ({
  engine,
  updatedBy: 'lead',
  updatedAt: '2026-12-07T16:00:00.000Z'
})

function choiceOver(reads: (() => Promise<TeamGatewayEngine>)[], own: VoiceEngine = 'realtime') {
  const lines: string[] = []
  const choice = new TeamEngineChoice({
    read: () => reads.shift()!(),
    ownEngine: () => own,
    log: (line) => void lines.push(line)
  })
  return { choice, lines }
}

describe("a gateway instance's engine for new calls", () => {
  it("is settings.json's while the team database has never been read, then the team's", async () => {
    const { choice, lines } = choiceOver([
      () => Promise.reject(AWAY),
      () => Promise.resolve(chosen('live'))
    ])
    await choice.refresh()
    expect(choice.current()).toBe('realtime')
    expect(lines).toEqual([
      expect.stringMatching(/could not be read .*ECONNREFUSED.*: new calls stay on realtime$/)
    ])
    await choice.refresh()
    expect(choice.current()).toBe('live')
    expect(lines.at(-1)).toBe("Voice engine for new calls: live (the team's choice, set by lead)")
  })

  it('keeps the last choice read while the database is away, and logs a change once', async () => {
    const { choice, lines } = choiceOver(
      [
        () => Promise.resolve(chosen('live')),
        () => Promise.resolve(chosen('live')),
        () => Promise.reject(AWAY),
        () => Promise.resolve(chosen(null))
      ],
      'realtime'
    )
    await choice.refresh()
    await choice.refresh()
    expect(lines.filter((line) => line.startsWith('Voice engine'))).toHaveLength(1)
    await choice.refresh()
    expect(choice.current()).toBe('live')
    await choice.refresh()
    expect(choice.current()).toBe('realtime')
    expect(lines.at(-1)).toMatch(/^Voice engine for new calls: realtime \(this instance's/)
  })

  it('drops a read that began before a later one finished', async () => {
    let slow: (value: TeamGatewayEngine) => void = () => undefined
    const { choice } = choiceOver([
      () => new Promise((resolve) => (slow = resolve)),
      () => Promise.resolve(chosen('live'))
    ])
    const first = choice.refresh()
    await choice.refresh()
    slow(chosen(null))
    await first
    expect(choice.current()).toBe('live')
  })
})
