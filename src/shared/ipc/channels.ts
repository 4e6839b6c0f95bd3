export const REQUEST_CHANNEL = 'api:request'
export const EVENT_CHANNEL = 'api:event'
