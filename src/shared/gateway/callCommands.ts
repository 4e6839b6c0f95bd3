import { z } from 'zod'
import { MAX_INSTRUCTION_CHARS } from '../escalation/alertRecords'

// A supervisor's takeover of a call the call gateway carries (issue #18): the console records the
// command in the team database (call_commands) and announces it on the team channel; the gateway
// instance holding the call's sideband carries it out and reports the outcome.

export const CALL_COMMAND_ACTIONS = ['instruct', 'stop_agent', 'transfer', 'end_call'] as const
export type CallCommandAction = (typeof CALL_COMMAND_ACTIONS)[number]

/** sent (recorded, announced) → running (a gateway took it) → done or failed. */
export const CALL_COMMAND_STATUSES = ['sent', 'running', 'done', 'failed'] as const
export type CallCommandStatus = (typeof CALL_COMMAND_STATUSES)[number]

/**
 * How a gateway call ended when a person ended it: transferred to a person (SIP REFER) or hung
 * up by a supervisor. Stored on the call's row (`calls.outcome`); null when it ended by itself.
 */
export const CALL_OUTCOMES = ['transferred', 'ended_by_supervisor'] as const
export type CallOutcomeKind = (typeof CALL_OUTCOMES)[number]

const sessionId = z.string().min(1).max(200)
/** The alert the supervisor acted from (Monitor's card); absent from a wallboard row. */
const alertId = z.number().int().min(1).optional()

/** `gateway.act`'s input: what a supervisor asks of a gateway call. */
export const GatewayCallActionSchema = z.discriminatedUnion('action', [
  z
    .object({
      sessionId,
      alertId,
      action: z.literal('instruct'),
      instruction: z.string().trim().min(1, 'say what to do').max(MAX_INSTRUCTION_CHARS)
    })
    .strict(),
  z.object({ sessionId, alertId, action: z.literal('stop_agent') }).strict(),
  /** The note is the supervisor's own line, added to the handoff note main writes. */
  z
    .object({
      sessionId,
      alertId,
      action: z.literal('transfer'),
      note: z.string().trim().max(2000).optional()
    })
    .strict(),
  z.object({ sessionId, alertId, action: z.literal('end_call') }).strict()
])
export type GatewayCallAction = z.infer<typeof GatewayCallActionSchema>

export const GatewayCallActedSchema = z
  .object({
    commandId: z.number().int().min(1),
    /** The gateway instance the command went to (the call's seat). */
    gatewaySeat: z.string(),
    /** transfer: the handoff note stored with it. */
    note: z.string().nullable()
  })
  .strict()
export type GatewayCallActed = z.infer<typeof GatewayCallActedSchema>

/** The last 4 digits of a phone number kept; the rest shown as dots ("+1 ••• ••• 0142"). */
export function maskPhoneNumber(number: string): string | null {
  const digits = number.replace(/\D/g, '')
  if (digits.length < 7 || digits.length > 15) return null
  const last = digits.slice(-4)
  const country =
    number.trim().startsWith('+') && digits.length > 10
      ? `+${digits.slice(0, digits.length - 10)} `
      : ''
  return `${country}••• ••• ${last}`
}

/**
 * The caller's number from a SIP `From` header value (`"Name" <sip:+14155550123@host>;tag=…`
 * or `<tel:+14155550123>`), masked; null when the header holds no phone number.
 */
export function maskedCallerFromSipHeader(from: string): string | null {
  const uri = /<([^>]+)>/.exec(from)?.[1] ?? from.split(';')[0] ?? ''
  const user = /^(?:sips?|tel):([^@;]+)/i.exec(uri.trim())?.[1]
  if (!user || !/^\+?[\d\-.() ]+$/.test(user)) return null
  return maskPhoneNumber(user)
}
