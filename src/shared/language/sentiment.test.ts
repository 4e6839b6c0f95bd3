import { describe, expect, it } from 'vitest'
import { readSentiment, scoreSentiment } from './sentiment'
import { NEGATIVE, POSITIVE } from './sentimentLexicon'

describe('scoreSentiment', () => {
  it('adds positive weights and subtracts negative ones', () => {
    expect(scoreSentiment('That is perfect, thanks!')).toEqual({
      score: 2.5,
      polite: 0.5,
      cues: []
    })
    expect(scoreSentiment('Esto es inaceptable.')).toEqual({
      score: -2,
      polite: 0,
      cues: ['inaceptable']
    })
  })

  it('turns a negated positive into a strong negative cue, and drops negated politeness', () => {
    expect(scoreSentiment('That is not great')).toMatchObject({ score: -2, cues: ['not great'] })
    expect(scoreSentiment('Je ne suis pas content')).toMatchObject({
      score: -2,
      cues: ['pas content']
    })
    expect(scoreSentiment('No thanks').score).toBe(0)
  })

  it('drops a negated negative', () => {
    expect(scoreSentiment('Not bad.')).toEqual({ score: 0, polite: 0, cues: [] })
  })

  it('reads a phrase once even when it sits in both directions of a scan', () => {
    expect(scoreSentiment('No funciona, es pésimo').score).toBe(-4)
    expect(scoreSentiment('No problem, great').score).toBe(2)
  })

  it('strengthens a felt word after an intensifier, in the three languages', () => {
    expect(scoreSentiment('I am really frustrated').score).toBe(-3)
    expect(scoreSentiment('Estoy muy molesta').score).toBe(-3)
    expect(scoreSentiment('Je suis vraiment déçue').score).toBe(-3)
    expect(scoreSentiment('You were so helpful').score).toBe(1.5)
    // Politeness stays politeness, however it is said.
    expect(scoreSentiment('Very good, thanks')).toMatchObject({ score: 1.5, polite: 0.5 })
    expect(scoreSentiment('Muy bien, gracias')).toMatchObject({ score: 1, polite: 1 })
  })

  it('reads a negation spelled inside a phrase once ("ce n\'est pas juste")', () => {
    expect(scoreSentiment("Ce n'est pas juste").score).toBe(-2)
    expect(scoreSentiment('Ça ne sert à rien').score).toBe(-2)
    expect(scoreSentiment('No es justo, no estoy nada satisfecha').score).toBe(-4)
  })

  it('reads any tense of a stemmed word ("encant*")', () => {
    expect(scoreSentiment('Me encantó').score).toBe(2)
    expect(scoreSentiment('Nos encantaron las botas').score).toBe(2)
  })

  it('has no phrase in both lists', () => {
    expect(Object.keys(POSITIVE).filter((phrase) => phrase in NEGATIVE)).toEqual([])
  })
})

describe('readSentiment (one utterance, for the live rule)', () => {
  it('reads a mild word made strong by an intensifier as negative', () => {
    expect(readSentiment('I am really upset').negative).toBe(true)
    expect(readSentiment('I am upset').negative).toBe(false)
  })

  it.each([
    'This is ridiculous, the order is late again',
    'Thanks, but this is useless',
    "J'en ai marre, c'est n'importe quoi",
    'That is a waste of time and I am sick of it'
  ])('"%s" is negative', (text) => {
    expect(readSentiment(text).negative).toBe(true)
  })

  it.each([
    'Thanks, that is great',
    'Which tent is lightest?',
    // One mild word is a fact about the order, not a caller's mood (the call-label bar).
    'The box arrived damaged',
    'I would like to make a complaint'
  ])('"%s" is not', (text) => {
    expect(readSentiment(text).negative).toBe(false)
  })

  it('names its cues even when they do not reach the bar', () => {
    expect(readSentiment('The box arrived damaged')).toEqual({ negative: false, cues: ['damaged'] })
  })
})
