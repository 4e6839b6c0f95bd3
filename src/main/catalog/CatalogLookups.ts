import type { Order, Product } from '../../shared/catalog/catalogSchemas'
import { normaliseKey } from './normaliseKey'

/** Exact-match lookups (no vectors): products by id or SKU; orders by id, tracking, name. */
export class CatalogLookups {
  private readonly products = new Map<string, Product>()
  private readonly ordersByKey = new Map<string, Order[]>()
  private readonly ordersByCustomer = new Map<string, Order[]>()

  constructor(products: readonly Product[], orders: readonly Order[]) {
    for (const p of products) {
      this.products.set(normaliseKey(p.id), p)
      this.products.set(normaliseKey(p.sku), p)
    }
    const add = (map: Map<string, Order[]>, key: string, order: Order): void => {
      map.set(key, [...(map.get(key) ?? []), order])
    }
    for (const o of orders) {
      add(this.ordersByKey, normaliseKey(o.order_id), o)
      if (o.tracking_number) add(this.ordersByKey, normaliseKey(o.tracking_number), o)
      add(this.ordersByCustomer, normaliseKey(o.customer_name), o)
    }
  }

  product(idOrSku: string): Product | undefined {
    return this.products.get(normaliseKey(idOrSku))
  }

  /** Orders matching every criterion given, newest first. */
  orders(criteria: { orderId?: string; customerName?: string }): Order[] {
    let found: Order[] | undefined
    if (criteria.orderId !== undefined)
      found = this.ordersByKey.get(normaliseKey(criteria.orderId)) ?? []
    if (criteria.customerName !== undefined) {
      const byName = this.ordersByCustomer.get(normaliseKey(criteria.customerName)) ?? []
      found = found ? found.filter((o) => byName.includes(o)) : byName
    }
    return [...(found ?? [])].sort((a, b) => b.order_date.localeCompare(a.order_date))
  }
}
