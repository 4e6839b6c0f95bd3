/**
 * The sideband WebSocket of a running call (`wss://…/v1/realtime?call_id=…`), from the API's
 * base (`https://api.openai.com`; a simulator's `http://127.0.0.1:8790` gives `ws:`).
 */
export function sidebandUrl(realtimeBaseUrl: string, callId: string): string {
  const url = new URL(`${realtimeBaseUrl.replace(/\/+$/, '')}/v1/realtime`)
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:'
  url.searchParams.set('call_id', callId)
  return url.href
}
