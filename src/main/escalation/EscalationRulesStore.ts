import type { EscalationRules, RulesProblem } from '../../shared/escalation/escalationRules'
import type { EscalationThresholds } from '../../shared/escalation/thresholds'
import { FAILED_REASONS } from '../../shared/ipc/result'
import type { AppSettings } from '../../shared/settings/settingsSchema'
import { InvalidRulesError, WriteNotPermittedError } from '../database/SessionDatabase'
import type { RulesTable, StoredRules } from '../database/SessionDatabase'

/** The settings the store reads and, on a desk, saves (SettingsStore). */
export interface RulesSettings {
  get(): AppSettings
  save(next: AppSettings): AppSettings
}

export interface EscalationRulesStoreOptions {
  /** The session database's rules: read and written in team mode only. */
  rules: RulesTable
  /** team: this run records on the team's PostgreSQL; desk: on this desk's SQLite. */
  mode: EscalationRules['mode']
  settings: RulesSettings
  /** The desk's seat, stamped on a team change. */
  seat: () => string | null
  now: () => number
  /** Where a failed read's details go (default: console.error). */
  log?: (message: string, error: unknown) => void
  /** After the team's rules were saved here (to tell the other desks: a `rules.changed`). */
  onSaved?: (change: { bySeat: string | null; at: string }) => void
}

/**
 * The escalation thresholds in force. A desk keeps its own in settings.json, as before team
 * mode. In team mode they are the team's rows (escalation_rules): read at start and on
 * refresh(), kept here so the live rules can read them synchronously (current()), written with
 * the seat on save. Until the team has saved rules, or while its rows are invalid, the desk's
 * own apply; nothing is written to the team's table without a save.
 */
export class EscalationRulesStore {
  private team: StoredRules | null = null
  private problem: RulesProblem | null = null
  /** Moves at each refresh and completed save: a read that began before a save is stale. */
  private generation = 0

  constructor(private readonly options: EscalationRulesStoreOptions) {}

  /** The thresholds the live rules apply now. */
  current(): EscalationThresholds {
    return this.team?.thresholds ?? this.options.settings.get().escalation
  }

  state(): EscalationRules {
    const { mode } = this.options
    return {
      thresholds: this.current(),
      mode,
      source: this.team ? 'team' : 'desk',
      updatedBy: this.team?.updatedBy ?? null,
      updatedAt: this.team?.updatedAt ?? null,
      problem: this.problem
    }
  }

  /**
   * Reads the team's rules again (another desk may have changed them). Never rejects: invalid
   * rows are dropped, a failed read keeps the last rules read; either is said in `problem`.
   */
  async refresh(): Promise<EscalationRules> {
    if (this.options.mode === 'desk') return this.state()
    const ticket = ++this.generation
    try {
      const stored = await this.options.rules.read()
      if (ticket === this.generation) {
        this.team = stored
        this.problem = null
      }
    } catch (error) {
      const log = this.options.log ?? console.error
      log("Reading the team's escalation rules failed:", error)
      if (ticket === this.generation) this.readFailed(error)
    }
    return this.state()
  }

  /** A desk's own rules go to settings.json; in team mode the team's rows, with the seat. */
  async save(thresholds: EscalationThresholds): Promise<EscalationRules> {
    if (this.options.mode === 'desk') {
      const { settings } = this.options
      settings.save({ ...settings.get(), escalation: thresholds })
      return this.state()
    }
    const change = { seat: this.options.seat(), at: new Date(this.options.now()).toISOString() }
    try {
      await this.options.rules.write(thresholds, change)
    } catch (error) {
      // The database is the authority on roles (resources/team/roles.sql), not Settings' role.
      if (error instanceof WriteNotPermittedError)
        throw new Error(FAILED_REASONS.supervisorOnlyRules, { cause: error })
      throw error
    }
    this.generation++
    this.team = { thresholds, updatedBy: change.seat, updatedAt: change.at }
    this.problem = null
    this.options.onSaved?.({ bySeat: change.seat, at: change.at })
    return this.state()
  }

  /** Invalid rows are never applied; a read that failed leaves the last rules read in force. */
  private readFailed(error: unknown): void {
    if (error instanceof InvalidRulesError) {
      this.team = null
      this.problem = { reason: 'invalid', detail: error.message }
    } else this.problem = { reason: 'unreadable', detail: null }
  }
}
