import { randomBytes } from 'node:crypto'

/** Ids shaped like the APIs' (`event_…`, `item_…`, `resp_…`, `call_…`, `sess_…`, `rtc_…`, GPT-Live `live_…`). */
export function newId(
  prefix:
    | 'event'
    | 'item'
    | 'resp'
    | 'call'
    | 'sess'
    | 'rtc'
    | 'ek'
    | 'conv'
    | 'sideband'
    | 'live'
    | 'deleg'
): string {
  return `${prefix}_${randomBytes(prefix === 'ek' ? 24 : 10).toString('hex')}`
}
