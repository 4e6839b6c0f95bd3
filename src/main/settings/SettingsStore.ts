import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  AppSettingsSchema,
  defaultSettings,
  type AppSettings
} from '../../shared/settings/settingsSchema'
import { keyTarget, OPENAI_ORIGIN } from '../../shared/settings/keyOrigin'
import { noEncryption } from '../secrets/Encryptor'
import { SecretStore } from '../secrets/SecretStore'

const FILE = 'settings.json'

/**
 * The console's settings as one validated JSON file in the data folder. Missing fields take
 * their defaults (settings written by an older version still load); a file that no longer
 * parses is kept aside as settings.json.broken-<time> and the defaults are used, so a bad
 * edit by hand never stops the app.
 */
export class SettingsStore {
  private current: AppSettings
  readonly problem: string | null = null

  constructor(
    private readonly dataDir: string,
    now: () => number = Date.now
  ) {
    const path = join(dataDir, FILE)
    if (!existsSync(path)) {
      this.current = firstRunSettings(dataDir)
      return
    }
    try {
      this.current = AppSettingsSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
    } catch (error) {
      const aside = `${path}.broken-${now()}`
      renameSync(path, aside)
      this.problem = `Settings could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); defaults are in use and the old file is at ${aside}.`
      this.current = defaultSettings()
    }
    bindKeysStoredWithoutOrigin(dataDir, this.current)
  }

  get(): AppSettings {
    return this.current
  }

  /** Replaces the settings with a validated whole; written with temp file + rename. */
  save(next: AppSettings): AppSettings {
    const valid = AppSettingsSchema.parse(next)
    const path = join(this.dataDir, FILE)
    writeFileSync(`${path}.tmp`, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 })
    renameSync(`${path}.tmp`, path)
    this.current = valid
    return valid
  }
}

/**
 * A first start opens on the demo agent, so Call works before anyone has a key. Someone who
 * already stored a key (saved before ever saving settings) keeps the OpenAI default instead of
 * being switched. Only the key names are read, never the keys.
 */
function firstRunSettings(dataDir: string): AppSettings {
  const defaults = defaultSettings()
  const { stored } = new SecretStore(dataDir, noEncryption('names only')).status()
  return Object.values(stored).some(Boolean)
    ? defaults
    : { ...defaults, provider: { kind: 'demo' } }
}

/**
 * Migration, on the first read of settings: keys stored before keys were bound to an origin are
 * bound to the endpoint their provider has now (OpenAI's is fixed). A key whose provider is not
 * the chosen one stays unbound: it is sent nowhere until a save confirms its endpoint.
 */
function bindKeysStoredWithoutOrigin(dataDir: string, settings: AppSettings): void {
  const target = keyTarget(settings.provider)
  try {
    new SecretStore(dataDir, noEncryption('names only')).bindUnbound({
      openai: OPENAI_ORIGIN,
      ...(target ? { [target.name]: target.origin } : {})
    })
  } catch {
    // An unreadable secrets.json must not stop start-up: its keys are sent nowhere, and the
    // key routes report the error when Settings opens.
  }
}
