import type en from '@renderer/i18n/locales/en/glossary.json'

/** Every term the glossary explains (its keys in locales/{lang}/glossary.json). */
export type GlossaryTerm = keyof (typeof en)['terms']
