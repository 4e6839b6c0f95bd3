import { describe, expect, it } from 'vitest'
import { withDatabase } from '../../../tools/bench/teamBench/benchServer'

describe('withDatabase (bench:team on TEAM_DB_URL)', () => {
  it("names another database and keeps the URL's login, password, host and parameters", () => {
    const config = withDatabase(
      'postgres://lead:p%40ss@db.example:6543/voice_console?sslmode=require',
      'bench_team_0a1b2c3d'
    )
    expect(config).toEqual({
      connectionString: 'postgres://lead:p%40ss@db.example:6543/bench_team_0a1b2c3d?sslmode=require'
    })
  })
})
