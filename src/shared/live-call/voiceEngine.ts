/**
 * Which OpenAI voice API a call runs on: the Realtime GA API (`/v1/realtime/calls`, what the
 * seed lab measured and today's deployments use) or GPT-Live (`/v1/live/sessions`, issue #20).
 * Chosen per provider in Settings and stored on each call's row; rows from before engines
 * existed, imports and the seed are Realtime sessions.
 */
export const VOICE_ENGINES = ['realtime', 'live'] as const
export type VoiceEngine = (typeof VOICE_ENGINES)[number]

/** The GPT-Live models Settings offers (the field takes any name, for newer ones). */
export const LIVE_MODELS = ['gpt-live-1', 'gpt-live-1.1'] as const
