import { describe, expect, it } from 'vitest'
import { classifyScenario } from './classifyScenario'
import { classifySentiment } from './classifySentiment'
import { detectCallLanguage } from './detectCallLanguage'
import type { LanguageDetector } from './detectCallLanguage'

describe('classifySentiment', () => {
  it('weighs felt words and leaves plain politeness neutral', () => {
    expect(classifySentiment(['Okay, thank you.']).sentiment).toBe('neutral')
    expect(classifySentiment(['That is perfect, thanks!']).sentiment).toBe('positive')
    expect(classifySentiment(['Esto es inaceptable.']).sentiment).toBe('negative')
    expect(classifySentiment(["C'est nul, je suis déçu."]).sentiment).toBe('negative')
  })

  it('flips a negated positive word and drops a negated negative one', () => {
    expect(classifySentiment(['That is not great, not great at all.']).sentiment).toBe('negative')
    expect(classifySentiment(['Not bad.']).score).toBe(0)
    expect(classifySentiment(['No funciona.']).sentiment).toBe('negative')
  })
})

describe('classifySentiment: negation, intensifiers, the end of the call', () => {
  it.each([
    [['I am not happy about this, not happy at all.']],
    [['No estoy nada contenta con el servicio.']],
    [['Je ne suis vraiment pas contente.']],
    [["Ce n'est pas juste, vraiment."]]
  ])('%j is negative', (caller) => {
    expect(classifySentiment(caller).sentiment).toBe('negative')
  })

  it('lets an intensifier lift one mild word over the bar', () => {
    expect(classifySentiment(['You have been helpful.']).sentiment).toBe('neutral')
    expect(classifySentiment(['You have been extremely helpful.']).sentiment).toBe('positive')
    expect(classifySentiment(['Ha sido muy útil.']).sentiment).toBe('positive')
    expect(classifySentiment(['Vous êtes très sympa.']).sentiment).toBe('positive')
  })

  it('weighs how the call ends over how it began', () => {
    const turned = ['I was really annoyed at first.', 'Okay.', 'Oh brilliant, that is perfect.']
    expect(classifySentiment(turned).sentiment).toBe('positive')
    // The same words the other way round: the good start is not forgotten, but does not win.
    expect(classifySentiment([...turned].reverse()).sentiment).toBe('neutral')
  })

  it('does not weigh the closing thank you up', () => {
    expect(classifySentiment(['Where is my parcel?', 'Très bien, merci.']).sentiment).toBe(
      'neutral'
    )
  })

  it('reads a caller who insists on a person as negative, a single ask as neutral', () => {
    expect(classifySentiment(['I want a human.', 'A real person, please.']).sentiment).toBe(
      'negative'
    )
    expect(classifySentiment(['Quiero un humano.', 'Una persona real.']).sentiment).toBe('negative')
    expect(classifySentiment(['Un humain.', 'Une vraie personne !']).sentiment).toBe('negative')
    expect(classifySentiment(['Can I talk to a real person about my order?']).sentiment).toBe(
      'neutral'
    )
  })

  it('takes any phrasing the live human-request rule knows, asked twice, as negative', () => {
    // Words the sentiment lexicon itself does not hold ("somebody", "representative"), asked
    // politely: having to ask again is what tells.
    const english = ['Could I speak to somebody, please?', 'Thanks, but get me a representative.']
    expect(classifySentiment(english).sentiment).toBe('negative')
    expect(classifySentiment(english.slice(0, 1)).sentiment).toBe('neutral')
    expect(
      classifySentiment(['¿Puedo hablar con un agente?', 'Le pido un supervisor, por favor.'])
        .sentiment
    ).toBe('negative')
    expect(
      classifySentiment(['Je voudrais un conseiller.', 'Un responsable, s’il vous plaît.'])
        .sentiment
    ).toBe('negative')
    // Saying no person is needed is not asking for one.
    expect(
      classifySentiment(['I don’t need a human.', 'No need for a representative either.']).sentiment
    ).toBe('neutral')
  })
})

describe('classifyScenario', () => {
  it('takes the tools the agent ran as strong signals', () => {
    expect(classifyScenario(['Hi, can you check this for me?'], ['lookup_order']).scenario).toBe(
      'order_status'
    )
    expect(classifyScenario(['Something for my son?'], ['search_products']).scenario).toBe(
      'product_inquiry'
    )
  })

  it('lets a caller who says what went wrong outweigh an order lookup', () => {
    const got = classifyScenario(
      ['The box arrived damaged and the stove is broken.', 'I want to make a complaint.'],
      ['lookup_order']
    )
    expect(got.scenario).toBe('complaint')
    expect(got.scores.order_status).toBe(3)
  })

  it.each([
    [['Get me a human, this is going nowhere.']],
    [['Put me through to a supervisor, please.']],
    [['Quiero hablar con una persona, no con una máquina.']],
    [['Páseme con el encargado.']],
    [['Passez-moi un conseiller, pas un robot.']],
    [['Je veux parler à un être humain.']]
  ])('takes a caller asking past the agent for a person, %j, as a complaint', (caller) => {
    expect(classifyScenario(caller, []).scenario).toBe('complaint')
  })

  it('does not let a passing request for a person outweigh what the call is about', () => {
    const got = classifyScenario(
      ['Can I talk to a real person about my order?', "Where's my order? It's not here yet."],
      ['lookup_order']
    )
    expect(got.scenario).toBe('order_status')
    // "Una persona" as in "for one person" is not a request.
    expect(classifyScenario(['Una tienda para una persona.'], []).scenario).not.toBe('complaint')
  })

  it('takes a billing problem over the order lookup it needed', () => {
    expect(
      classifyScenario(['You charged my card twice for one order.'], ['lookup_order']).scenario
    ).toBe('complaint')
    expect(
      classifyScenario(
        ['Me han cobrado dos veces el pedido, exijo una solución.'],
        ['lookup_order']
      ).scenario
    ).toBe('complaint')
    expect(
      classifyScenario(['Vous m’avez débité deux fois la commande.'], ['lookup_order']).scenario
    ).toBe('complaint')
  })

  it('reads inflected and clitic forms of a return through stems', () => {
    for (const text of [
      'Quiero cambiarlas por otras.',
      'Je veux être remboursée.',
      'I am returning it.'
    ])
      expect(classifyScenario([text], []).scenario).toBe('return_request')
  })

  it('takes opening hours over a "do you have" as a question for the faq', () => {
    for (const text of [
      'Do you have stores in Seattle? What time do you close on Saturdays?',
      '¿Tienen tienda en Sevilla? ¿A qué hora cierran?',
      'Vous avez des magasins à Lyon ? Vous fermez à quelle heure ?'
    ])
      expect(classifyScenario([text], ['search_policies']).scenario).toBe('faq')
  })

  it('answers faq when nothing is said', () => {
    expect(classifyScenario([], []).scenario).toBe('faq')
  })
})

describe('detectCallLanguage', () => {
  const detector =
    (language: string): LanguageDetector =>
    () => ({ language, reliable: true })

  it('prefers the languages the transcription model reported, by majority', () => {
    const input = { callerTexts: ['hola'], reportedLanguages: ['fr', null, 'es', 'es'] }
    expect(detectCallLanguage(input, detector('en'))).toBe('es')
  })

  it('runs the detector on all the caller said, and is und without speech', () => {
    const input = { callerTexts: ['Bonjour', 'merci'], reportedLanguages: [null, null] }
    expect(detectCallLanguage(input, detector('fr'))).toBe('fr')
    expect(detectCallLanguage({ callerTexts: [], reportedLanguages: [] }, detector('en'))).toBe(
      'und'
    )
  })
})
