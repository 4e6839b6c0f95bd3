import type { TeamGatewayEngine } from '../../shared/gateway/teamGatewayEngine'
import type { VoiceEngine } from '../../shared/live-call/voiceEngine'

export interface TeamEngineChoiceDeps {
  /** The team's stored choice (gateway_settings). */
  read: () => Promise<TeamGatewayEngine>
  /** This instance's own engine: settings.json's provider (read at each use). */
  ownEngine: () => VoiceEngine
  log: (line: string) => void
}

/**
 * Which engine a new call of this instance runs on: the team's choice (a supervisor's, in
 * Settings) when one is set, else this instance's settings.json.
 *
 * Kept in memory and read again on the team's `gateway.engineChanged` event, when the team
 * channel reconnects and when the database is back (openGatewayServices), not read per call:
 * a ringing call's webhook and the customer page's setup are then answered without a round trip,
 * and a team database that is away costs them nothing (the last value read stays in force).
 */
export class TeamEngineChoice {
  /** The team's choice as last read; undefined: never read (away since start-up). */
  private team: TeamGatewayEngine | undefined
  private reads = 0
  private applied = 0
  private said = ''

  constructor(private readonly deps: TeamEngineChoiceDeps) {}

  /** The engine for the next call. */
  current(): VoiceEngine {
    return this.team?.engine ?? this.deps.ownEngine()
  }

  /** Reads the team's choice again; a failed read keeps the last one (and says so). */
  async refresh(): Promise<void> {
    const read = ++this.reads
    let team: TeamGatewayEngine
    try {
      team = await this.deps.read()
    } catch (error) {
      this.deps.log(
        `The team's gateway engine could not be read (${String(error)}): new calls stay on ${this.current()}`
      )
      return
    }
    // A read that began before a later one finished would bring back an older choice.
    if (read < this.applied) return
    this.applied = read
    this.team = team
    this.sayOnce()
  }

  /** One log line per change of the engine or of whose choice it is, not one per read. */
  private sayOnce(): void {
    const team = this.team
    const line =
      team?.engine != null
        ? `Voice engine for new calls: ${team.engine} (the team's choice, set by ${team.updatedBy ?? 'an unknown seat'})`
        : `Voice engine for new calls: ${this.deps.ownEngine()} (this instance's settings.json; the team has not chosen)`
    if (line === this.said) return
    this.said = line
    this.deps.log(line)
  }
}
