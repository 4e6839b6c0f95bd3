import { describe, expect, it } from 'vitest'
import { normalizeWords } from './normalizeWords'
import { compileLexicon, findPhrases } from './phraseMatch'

const phrases = (text: string, ...list: string[]): string[] =>
  findPhrases(text, compileLexicon(list)).map((hit) => hit.phrase)
const negations = (text: string, ...list: string[]): (string | null)[] =>
  findPhrases(text, compileLexicon(list)).map((hit) => hit.negation)

describe('normalizeWords', () => {
  it('folds accents and case, breaks on punctuation, shortens drawn-out sounds', () => {
    expect(normalizeWords('¡Sí! Mmmm-hmm, d’accord…')).toEqual(['si', 'mm', 'hmm', 'd', 'accord'])
    expect(normalizeWords('Représentant, ÊTRE humain')).toEqual(['representant', 'etre', 'humain'])
  })
})

describe('findPhrases', () => {
  it('matches phrases written with accents or without, in order, with their weights', () => {
    const lexicon = compileLexicon({ 'être humain': 2, 'donde esta': 1 })
    expect(findPhrases('¿Dónde está? Un etre HUMAIN', lexicon)).toEqual([
      { phrase: 'donde esta', weight: 1, at: 0, negation: null },
      { phrase: 'etre humain', weight: 2, at: 3, negation: null }
    ])
  })

  it('takes the longest phrase and consumes its words', () => {
    expect(phrases('I want my money back', 'money back', 'back')).toEqual(['money back'])
    expect(phrases('it is not working', 'not working', 'working')).toEqual(['not working'])
    expect(phrases('a real person please', 'a person', 'real person', 'person')).toEqual([
      'real person'
    ])
  })

  it('matches whole words only', () => {
    expect(phrases('The agency called', 'agent')).toEqual([])
    expect(phrases('Repeat that', 'rep')).toEqual([])
  })

  it('sees a negator up to three words before a phrase, with the words between', () => {
    expect(negations("I don't need a human", 'human')).toEqual(['don t need a'])
    expect(negations('No estoy contenta', 'contenta')).toEqual(['no estoy'])
    expect(negations("Ce n'est pas super", 'super')).toEqual(['pas'])
    expect(negations("It isn't great", 'great')).toEqual(['isn t'])
    expect(negations('I am not sure it is great', 'great')).toEqual([null])
  })

  it('keeps a phrase and its negation inside one clause', () => {
    expect(negations('No, I want a human', 'human')).toEqual([null])
    expect(negations('No no no. Human!', 'human')).toEqual([null])
    expect(negations('No human please', 'human')).toEqual(['no'])
    expect(phrases('Thank you. So much for that', 'thank you so much', 'thank you')).toEqual([
      'thank you'
    ])
  })

  it('does not let a negator inside an earlier phrase negate the next one', () => {
    expect(negations('no funciona es pésimo', 'no funciona', 'pesimo')).toEqual([null, null])
    expect(negations("c'est n'importe quoi nul", 'n importe quoi', 'nul')).toEqual([null, null])
  })

  it('counts word positions across clauses', () => {
    expect(findPhrases('Hello there. A human', compileLexicon(['human']))[0]!.at).toBe(3)
  })
})
