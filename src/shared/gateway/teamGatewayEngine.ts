import { z } from 'zod'
import { VOICE_ENGINES } from '../live-call/voiceEngine'

/**
 * The voice engine the team's call gateways answer new calls on, chosen by a supervisor in
 * Settings (team mode): 'realtime', 'live', or null for each instance's own settings.json.
 */
export const GatewayEngineChoiceSchema = z.enum(VOICE_ENGINES).nullable()
export type GatewayEngineChoice = z.infer<typeof GatewayEngineChoiceSchema>

/** The team's choice as stored (gateway_settings, schema v7), with who made it and when. */
export const TeamGatewayEngineSchema = z
  .object({
    engine: GatewayEngineChoiceSchema,
    /** The seat of the latest change; null: never set (or written without one). */
    updatedBy: z.string().nullable(),
    /** ISO time of the latest change; null: never set. */
    updatedAt: z.iso.datetime({ offset: true }).nullable()
  })
  .strict()
export type TeamGatewayEngine = z.infer<typeof TeamGatewayEngineSchema>

/** Never set by anyone: every gateway follows its own settings.json. */
export const UNSET_GATEWAY_ENGINE: TeamGatewayEngine = {
  engine: null,
  updatedBy: null,
  updatedAt: null
}

/** What Settings shows: the team's choice, and whether this seat may change it. */
export const GatewayEngineSettingSchema = z
  .object({
    /** Null outside team mode (a desk's own database has no gateways). */
    team: TeamGatewayEngineSchema.nullable(),
    /** The seat's role is supervisor (the database's grants decide as well). */
    canChange: z.boolean()
  })
  .strict()
export type GatewayEngineSetting = z.infer<typeof GatewayEngineSettingSchema>
