import { foldCaseAndAccents } from '../language/normalizeWords'

/**
 * Spanish and French outdoor-gear and customer-service words → the English the catalog uses.
 * Queries are expanded with these terms, so "botas impermeables" also searches
 * "boots waterproof". Keys are lowercase without accents; longer phrases win.
 */
export const OUTDOOR_GLOSSARY: Readonly<Record<string, string>> = {
  // Spanish
  'botas de montana': 'hiking boots',
  'botas de senderismo': 'hiking boots',
  botas: 'boots',
  bota: 'boot',
  'tienda de campana': 'tent',
  tienda: 'tent',
  carpa: 'tent',
  'saco de dormir': 'sleeping bag',
  mochila: 'backpack pack',
  'linterna frontal': 'headlamp',
  frontal: 'headlamp',
  linterna: 'headlamp light',
  arnes: 'harness',
  escalada: 'climbing',
  'zapatos de escalada': 'climbing shoes',
  zapatos: 'shoes',
  chaqueta: 'jacket',
  impermeable: 'waterproof rain',
  botella: 'bottle',
  agua: 'water',
  bastones: 'poles trekking',
  hornillo: 'stove',
  estufa: 'stove',
  olla: 'pot',
  crampones: 'crampons',
  'capa base': 'base layer',
  invierno: 'winter 4-season',
  ligero: 'lightweight',
  ancho: 'wide',
  devolucion: 'return refund',
  devolver: 'return',
  reembolso: 'refund',
  envio: 'shipping',
  entrega: 'delivery shipping',
  garantia: 'warranty',
  pedido: 'order',
  talla: 'size',
  precio: 'price',
  puntos: 'points rewards loyalty',
  lavar: 'wash',
  // French
  'chaussures de randonnee': 'hiking boots',
  chaussures: 'shoes boots',
  'chaussons d escalade': 'climbing shoes',
  tente: 'tent',
  'sac de couchage': 'sleeping bag',
  'sac a dos': 'backpack pack',
  'lampe frontale': 'headlamp',
  lampe: 'headlamp light',
  baudrier: 'harness',
  veste: 'jacket',
  impermeables: 'waterproof',
  etanche: 'waterproof dry',
  gourde: 'bottle',
  bouteille: 'bottle',
  batons: 'poles trekking',
  rechaud: 'stove',
  casserole: 'pot',
  hiver: 'winter 4-season',
  leger: 'lightweight',
  large: 'wide',
  retour: 'return',
  rembourser: 'refund',
  remboursement: 'refund',
  livraison: 'shipping delivery',
  expedition: 'shipping',
  garantie: 'warranty',
  commande: 'order',
  taille: 'size',
  prix: 'price',
  fidelite: 'loyalty rewards points',
  laver: 'wash'
}

const PHRASES = Object.keys(OUTDOOR_GLOSSARY).sort((a, b) => b.length - a.length)

/** Lowercase, accents and punctuation removed: how queries and glossary keys are compared. */
export const foldText = (text: string): string =>
  foldCaseAndAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The query plus the English terms for any Spanish or French words in it. */
export function expandQuery(query: string): string {
  const { english } = splitByGlossary(query)
  return english.length ? `${query} ${english.join(' ')}` : query
}

/**
 * What a good match should cover: the English terms for glossary phrases plus the words the
 * glossary did not translate (a translated Spanish word need not match an English catalog).
 */
export function coverageText(query: string): string {
  const { rest, english } = splitByGlossary(query)
  return [rest.trim(), ...english].filter(Boolean).join(' ')
}

function splitByGlossary(query: string): { rest: string; english: string[] } {
  let rest = ` ${foldText(query)} `
  const english: string[] = []
  for (const phrase of PHRASES) {
    const needle = ` ${phrase} `
    if (rest.includes(needle)) {
      english.push(OUTDOOR_GLOSSARY[phrase]!)
      rest = rest.split(needle).join(' ')
    }
  }
  return { rest, english }
}
