export { GlossaryDialog } from './GlossaryDialog'
export type { GlossaryTerm } from './glossaryTerms'
export { TermHelp } from './TermHelp'
