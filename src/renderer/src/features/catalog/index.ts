// The Catalog feature's public surface: the app shell needs only the screen.
export { CatalogScreen } from './components/CatalogScreen'
