import type { TeamRole } from './teamSettings'

// What Test connection checks of the database login's privileges, and what each seat's role
// needs or must not have (the least privilege of resources/team/roles.sql).

export const CHECKED_PRIVILEGES = [
  { table: 'sessions', privilege: 'SELECT' },
  { table: 'sessions', privilege: 'INSERT' },
  { table: 'sessions', privilege: 'DELETE' },
  { table: 'calls', privilege: 'INSERT' },
  { table: 'events', privilege: 'INSERT' },
  { table: 'alerts', privilege: 'INSERT' },
  { table: 'alert_actions', privilege: 'INSERT' },
  { table: 'escalation_rules', privilege: 'UPDATE' },
  { table: 'gateway_settings', privilege: 'UPDATE' }
] as const
export type CheckedPrivilege = (typeof CHECKED_PRIVILEGES)[number]

/** `granted` is null when the table does not exist (no team schema yet). */
export interface PrivilegeGrant {
  table: string
  privilege: string
  granted: boolean | null
}

/** missing: the seat needs it and the login lacks it; excess: an agent login may do more. */
export interface PrivilegeProblem {
  table: string
  privilege: string
  kind: 'missing' | 'excess'
}

// An agent records calls and acts on alerts; deleting sessions, changing the rules and choosing
// the gateways' voice engine are a supervisor's.
const SUPERVISOR_ONLY = new Set([
  'sessions DELETE',
  'escalation_rules UPDATE',
  'gateway_settings UPDATE'
])

export function privilegeProblems(role: TeamRole, grants: PrivilegeGrant[]): PrivilegeProblem[] {
  return grants.flatMap(({ table, privilege, granted }): PrivilegeProblem[] => {
    if (granted === null) return []
    const supervisorOnly = SUPERVISOR_ONLY.has(`${table} ${privilege}`)
    if (role === 'agent' && supervisorOnly && granted) return [{ table, privilege, kind: 'excess' }]
    if (!granted && (role === 'supervisor' || !supervisorOnly))
      return [{ table, privilege, kind: 'missing' }]
    return []
  })
}
