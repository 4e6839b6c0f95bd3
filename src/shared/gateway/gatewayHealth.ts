/** What `GET /healthz` answers: enough for a load balancer and for a person reading it. */
export interface GatewayHealth {
  instance: string
  /**
   * ok: the team database answers; degraded: it does not (calls still run, into the outbox);
   * draining: stopping (SIGTERM), no new call taken, its calls being handed over. Answered 503,
   * so a load balancer sends it nothing more.
   */
  status: 'ok' | 'degraded' | 'draining'
  calls: {
    /** Accepted (or being accepted) and not yet hung up. */
    inProgress: number
    max: number
    /** Phone calls rejected since start because `max` were in progress. */
    rejectedOverCapacity: number
  }
  webhooks: {
    /** Deliveries refused (400): a bad or stale signature, a missing header, not an event. */
    refused: number
    /** Deliveries whose `webhook-id` was handled already (here or by another instance). */
    replayed: number
  }
  teamDatabase: {
    reachable: boolean
    /** Live writes waiting in this instance's outbox for the team database. */
    outboxWaiting: number
  }
  /**
   * How late its event loop ran a timer (monitorEventLoopDelay, less its 10 ms sampling), ms,
   * since the previous /healthz read (or the start): what every event of every call waits
   * behind, a tool's answer included. Each read starts a new interval.
   */
  eventLoopDelay: EventLoopDelay
}

export interface EventLoopDelay {
  p50Ms: number
  p99Ms: number
  maxMs: number
}

export interface GatewayCounts {
  inProgress: number
  max: number
  rejectedOverCapacity: number
  webhooksRefused: number
  webhooksReplayed: number
  draining: boolean
}

export function gatewayHealth(
  instance: string,
  counts: GatewayCounts,
  teamDatabase: GatewayHealth['teamDatabase'],
  eventLoopDelay: EventLoopDelay
): GatewayHealth {
  return {
    instance,
    status: counts.draining ? 'draining' : teamDatabase.reachable ? 'ok' : 'degraded',
    calls: {
      inProgress: counts.inProgress,
      max: counts.max,
      rejectedOverCapacity: counts.rejectedOverCapacity
    },
    webhooks: { refused: counts.webhooksRefused, replayed: counts.webhooksReplayed },
    teamDatabase,
    eventLoopDelay
  }
}
