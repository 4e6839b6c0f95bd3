export const REQUEST_PATH = '/__api/request'
export const EVENT_PATH = '/__api/events'
export const BRIDGE_PATH = '/__harness/bridge.js'
export const DIALOG_PATH = '/__harness/dialog'
