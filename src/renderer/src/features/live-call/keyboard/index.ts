export {
  CALL_SHORTCUTS,
  ariaKeyShortcuts,
  callShortcutOf,
  chordLabel,
  isMac,
  shortcutFor,
  type CallShortcutAction
} from './callShortcuts'
export { useCallShortcuts } from './useCallShortcuts'
