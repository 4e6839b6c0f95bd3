/**
 * How a call reached OutdoorGear: placed at a desk by its agent (the console's own microphone),
 * a customer's phone call through the call gateway (SIP), or a customer's browser through it.
 * Stored on each call's row; rows from before channels existed are desk calls.
 */
export const CALL_CHANNELS = ['desk', 'phone', 'web'] as const
export type CallChannel = (typeof CALL_CHANNELS)[number]
