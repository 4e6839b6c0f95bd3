import { describe, expect, it } from 'vitest'
import { ACKNOWLEDGEMENTS, isAcknowledgement, orderedWordOverlap } from './acknowledgements'

describe('acknowledgements', () => {
  it.each([
    'Mm-hmm.',
    'mmmm hmm',
    'Uh-huh',
    'OK, OK.',
    'Yeah, sure.',
    'Sí, vale.',
    'Claro.',
    'Oui, oui, d’accord.',
    "D'accord.",
    'Très bien'
  ])('%s is an acknowledgement', (text) => {
    expect(isAcknowledgement(text, ACKNOWLEDGEMENTS)).toBe(true)
  })

  it.each(['No.', 'Stop', 'OK but I want the red ones', 'Attendez', 'Espera', ''])(
    '%j is not',
    (text) => {
      expect(isAcknowledgement(text, ACKNOWLEDGEMENTS)).toBe(false)
    }
  )

  it('measures in-order word overlap for echo detection', () => {
    const agent =
      'Yes, the TrailBlazer X200 is waterproof and costs one hundred forty nine dollars.'
    expect(orderedWordOverlap('the trailblazer x200 is waterproof', agent)).toBe(1)
    expect(orderedWordOverlap('I need size eleven boots', agent)).toBe(0)
    expect(orderedWordOverlap('waterproof boots please', agent)).toBeCloseTo(1 / 3, 10)
  })
})
