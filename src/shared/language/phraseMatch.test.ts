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
      { phrase: 'donde esta', weight: 1, at: 0, negation: null, before: null },
      { phrase: 'etre humain', weight: 2, at: 3, negation: null, before: 'un' }
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

  it('reads negators of the three languages: sans, jamás, nada, tampoco, aucun', () => {
    expect(negations('Je suis reparti sans être content', 'content')).toEqual(['sans etre'])
    expect(negations('Jamás contenta con ustedes', 'contenta')).toEqual(['jamas'])
    expect(negations('No estoy nada contento', 'contento')).toEqual(['nada'])
    expect(negations('Aucune personne réelle', 'personne reelle')).toEqual(['aucune'])
  })

  it('does not turn around a phrase that spells its own negation ("ne … pas juste")', () => {
    expect(negations("Ce n'est pas juste", 'pas juste')).toEqual([null])
    expect(negations('Ça ne sert à rien', 'ne sert a rien')).toEqual([null])
  })

  it('matches a stem ("devol*") on any word it begins, the longest stem first', () => {
    const lexicon = compileLexicon({ 'devol*': 3, 'devolucion*': 1, 'cambiar*': 2 })
    const hits = findPhrases('Quiero cambiarlas, o la devolución, o devolverlas', lexicon)
    expect(hits.map((hit) => [hit.phrase, hit.weight])).toEqual([
      ['cambiarlas', 2],
      ['devolucion', 1],
      ['devolverlas', 3]
    ])
    expect(phrases('I want to return it and get a refund', 'refund*')).toEqual(['refund'])
    expect(phrases('Cambio', 'cambiar*')).toEqual([])
  })

  it('names the free word just before a hit, for intensifiers', () => {
    const before = (text: string, ...list: string[]): (string | null)[] =>
      findPhrases(text, compileLexicon(list)).map((hit) => hit.before)
    expect(before('I am really happy', 'happy')).toEqual(['really'])
    expect(before('Very. Happy', 'happy')).toEqual([null])
    expect(before('thank you so happy', 'thank you', 'happy')).toEqual([null, 'so'])
    expect(before('happy happy', 'happy')).toEqual([null, null])
  })

  it('counts word positions across clauses', () => {
    expect(findPhrases('Hello there. A human', compileLexicon(['human']))[0]!.at).toBe(3)
  })
})
