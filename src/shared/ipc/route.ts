import type { z } from 'zod'

export interface RouteDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
}

/** Keeps each route's literal schema types so handler maps are checked exhaustively. */
export const route = <I extends z.ZodType, O extends z.ZodType>(
  def: RouteDef<I, O>
): RouteDef<I, O> => def

export interface Caller {
  windowId: number | null
}

export type Handler<D extends RouteDef> = (
  input: z.output<D['input']>,
  caller: Caller
) => Promise<z.input<D['output']>>

export type HandlersFor<T extends Record<string, RouteDef>> = { [K in keyof T]: Handler<T[K]> }
