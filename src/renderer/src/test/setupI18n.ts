import { initI18n } from '@renderer/i18n'

// Renderer tests read the English strings, as the e2e tests do.
initI18n('en')
