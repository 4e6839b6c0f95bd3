import { z } from 'zod'
import { parseBoolean } from '../sessions/parseBoolean'

// The shipped catalog sources (resources/): products.csv, orders.csv, knowledge-base.json.
// CSV cells arrive as text; these schemas say what each must hold and convert it.

const text = z.string().trim().min(1, 'empty value')
const number = z
  .string()
  .trim()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)$/, 'not a number')
  .transform(Number)
const amount = number.pipe(z.number().nonnegative('negative value'))
const boolean = z
  .string()
  .transform((raw) => parseBoolean(raw))
  .pipe(z.boolean({ error: 'not a boolean (true/false, 1/0, yes/no)' }))

export const ProductRow = z.object({
  id: text,
  name: text,
  category: text,
  subcategory: text,
  price: amount,
  in_stock: boolean,
  sku: text,
  description: text,
  weight_kg: amount,
  rating: number.pipe(z.number().min(0).max(5, 'rating above 5'))
})
export type Product = z.output<typeof ProductRow>

export const OrderRow = z.object({
  order_id: text,
  customer_id: text,
  customer_name: text,
  product_sku: text,
  product_name: text,
  quantity: number.pipe(z.number().int('not a whole number').positive('must be at least 1')),
  unit_price: amount,
  total: amount,
  order_date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)'),
  status: text,
  shipping_method: text,
  tracking_number: z
    .string()
    .trim()
    .transform((t) => (t === '' ? null : t))
})
export type Order = z.output<typeof OrderRow>

const passage = z.object({ title: text, content: text })
export const KnowledgeBaseSchema = z.object({
  company: text,
  last_updated: text,
  sections: z.record(z.string(), passage),
  faqs: z.array(z.object({ id: text, question: text, answer: text })),
  product_guides: z.array(z.object({ id: text, title: text, content: text }))
})
export type KnowledgeBase = z.output<typeof KnowledgeBaseSchema>
