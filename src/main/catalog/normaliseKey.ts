import { foldText } from '../../shared/catalog/outdoorGlossary'

/**
 * How callers' spoken or typed identifiers are compared: case, accents, spaces and punctuation
 * ignored ("ord 2024 0001" = "ORD-2024-0001", "José Núñez" = "jose nunez").
 */
export const normaliseKey = (text: string): string => foldText(text).replaceAll(' ', '')
