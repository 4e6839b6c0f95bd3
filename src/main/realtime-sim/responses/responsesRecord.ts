/** One POST /v1/responses in the ground truth: what was asked, which script, what was answered. */
export interface ResponsesRecord {
  kind: 'responses'
  request_id: string
  /** HTTP status sent (0: the client left before the answer). */
  status: number
  outcome:
    | 'completed'
    | 'incomplete'
    | 'refusal'
    | 'http_error'
    | 'client_gone'
    | 'no_script'
    | 'scenario_error'
    | 'invalid_request'
    | 'unauthorized'
  model?: string
  /** `text.format.name` (json_schema), else the format's type. */
  format?: string
  instructions?: string | null
  input?: string
  /** Index of the scenario's `responses` entry that answered; null: none matched. */
  script?: number | null
  delay_ms?: number
  response_id?: string
  output_text?: string | null
  refusal?: string
  error?: string
}
