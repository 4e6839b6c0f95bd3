import enCatalog from './locales/en/catalog.json'
import enCommon from './locales/en/common.json'
import enErrors from './locales/en/errors.json'
import enGlossary from './locales/en/glossary.json'
import enLiveCall from './locales/en/liveCall.json'
import enMonitor from './locales/en/monitor.json'
import enReports from './locales/en/reports.json'
import enSessions from './locales/en/sessions.json'
import enSessionDetail from './locales/en/sessionDetail.json'
import enSettings from './locales/en/settings.json'
import esCatalog from './locales/es/catalog.json'
import esCommon from './locales/es/common.json'
import esErrors from './locales/es/errors.json'
import esGlossary from './locales/es/glossary.json'
import esLiveCall from './locales/es/liveCall.json'
import esMonitor from './locales/es/monitor.json'
import esReports from './locales/es/reports.json'
import esSessions from './locales/es/sessions.json'
import esSessionDetail from './locales/es/sessionDetail.json'
import esSettings from './locales/es/settings.json'
import frCatalog from './locales/fr/catalog.json'
import frCommon from './locales/fr/common.json'
import frErrors from './locales/fr/errors.json'
import frGlossary from './locales/fr/glossary.json'
import frLiveCall from './locales/fr/liveCall.json'
import frMonitor from './locales/fr/monitor.json'
import frReports from './locales/fr/reports.json'
import frSessions from './locales/fr/sessions.json'
import frSessionDetail from './locales/fr/sessionDetail.json'
import frSettings from './locales/fr/settings.json'

// One namespace per feature folder, so each feature's strings live (and change) beside each other.
// English is the source of truth for keys and types; es and fr must have the same keys (a unit
// test checks it), so a missing translation is a failed build, not an English word on screen.

export const UI_LANGUAGES = ['en', 'es', 'fr'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

export const en = {
  common: enCommon,
  sessions: enSessions,
  sessionDetail: enSessionDetail,
  catalog: enCatalog,
  reports: enReports,
  monitor: enMonitor,
  liveCall: enLiveCall,
  settings: enSettings,
  errors: enErrors,
  glossary: enGlossary
}
export type Namespace = keyof typeof en

export const resources: Record<UiLanguage, Record<Namespace, object>> = {
  en,
  es: {
    common: esCommon,
    sessions: esSessions,
    sessionDetail: esSessionDetail,
    catalog: esCatalog,
    reports: esReports,
    monitor: esMonitor,
    liveCall: esLiveCall,
    settings: esSettings,
    errors: esErrors,
    glossary: esGlossary
  },
  fr: {
    common: frCommon,
    sessions: frSessions,
    sessionDetail: frSessionDetail,
    catalog: frCatalog,
    reports: frReports,
    monitor: frMonitor,
    liveCall: frLiveCall,
    settings: frSettings,
    errors: frErrors,
    glossary: frGlossary
  }
}
