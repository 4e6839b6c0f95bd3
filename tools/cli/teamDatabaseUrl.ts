// Apart from teamDatabaseSource.ts, which loads pg: a CSV report does not need it.

/** A team database named on the command line rather than a file. */
export const isTeamDatabaseUrl = (source: string): boolean => /^postgres(?:ql)?:\/\//i.test(source)

/** The URL as it may be printed: the password, if any, never (PGPASSWORD is not read here). */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the team database URL'
  }
}
