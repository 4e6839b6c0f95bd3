export { initI18n, i18next } from './i18n'
export { numberFormat, plainNumber, dateTimeFormat, formatDurationMs } from './intl'
export { UI_LANGUAGES, type UiLanguage } from './resources'
export { initialUiLanguage, storeUiLanguage } from './uiLanguage'
export {
  labValueLabeller,
  useLabValueLabel,
  type LabValueColumn,
  type LabValueLabel
} from './labValues'
