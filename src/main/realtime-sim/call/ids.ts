import { randomBytes } from 'node:crypto'

/** Ids shaped like the API's (`event_…`, `item_…`, `resp_…`, `call_…`, `sess_…`, `rtc_…`). */
export function newId(
  prefix: 'event' | 'item' | 'resp' | 'call' | 'sess' | 'rtc' | 'ek' | 'conv' | 'sideband'
): string {
  return `${prefix}_${randomBytes(prefix === 'ek' ? 24 : 10).toString('hex')}`
}
