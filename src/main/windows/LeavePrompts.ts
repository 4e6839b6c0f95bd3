import type { LeavePrompt } from '../../shared/app/leavePrompt'

/** What a window should ask before unloading, as its page last said (app.leavePrompt). */
export class LeavePrompts {
  private readonly byWindow = new Map<number, LeavePrompt>()

  set(windowId: number | null, prompt: LeavePrompt | null): void {
    if (windowId === null) return
    if (prompt === null) this.byWindow.delete(windowId)
    else this.byWindow.set(windowId, prompt)
  }

  /** The page's words, or English ones if it objected to unloading without saying why. */
  for(windowId: number): LeavePrompt {
    return this.byWindow.get(windowId) ?? ENGLISH
  }

  forget(windowId: number): void {
    this.byWindow.delete(windowId)
  }
}

const ENGLISH: LeavePrompt = {
  title: 'Leave without saving?',
  detail: 'Some changes are not saved.',
  discard: 'Discard changes',
  keepEditing: 'Keep editing'
}
