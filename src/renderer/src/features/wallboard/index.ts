// The Live calls wallboard (team mode): every desk's running calls, live.
export { LiveCallsScreen } from './components/LiveCallsScreen'
export { useLiveCallsBoard } from './useLiveCallsBoard'
export { GatewayCallActions } from './components/GatewayCallActions'
export { gatewayCallAbilities } from './components/gatewayCallAbilities'
