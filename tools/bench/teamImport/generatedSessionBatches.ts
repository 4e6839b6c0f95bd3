import { SessionBatchPacker, type SessionBatch } from '../../../src/main/sessions/packedSessions'

/**
 * `rows` generated sessions (ids T00000000…, in id order) packed as the CSV reader packs them,
 * so an import benchmark measures the database and not the reader (npm run bench:import does).
 */
export function generatedSessionBatches(rows: number): SessionBatch[] {
  const packer = new SessionBatchPacker()
  const out: SessionBatch[] = []
  for (let i = 0; i < rows; i++) {
    const p50 = 70 + (i % 40)
    const batch = packer.addFields(
      `T${String(i).padStart(8, '0')}`,
      ['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq'][i % 5]!,
      ['positive', 'neutral', 'negative'][i % 3]!,
      'gpt-realtime',
      ['en', 'en', 'es', 'fr'][i % 4]!,
      20 + (i % 100),
      p50,
      p50 + 80 + (i % 60),
      i % 6,
      3 + (i % 15),
      i % 4 !== 0,
      i + 2
    )
    if (batch) out.push(batch)
  }
  const last = packer.take()
  if (last) out.push(last)
  return out
}
