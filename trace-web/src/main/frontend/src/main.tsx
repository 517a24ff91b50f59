// The entry point: mounts the Canvas on index.html's #root.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Before the components, whose own stylesheets build on the global rules.
import './global.css'
import { App } from './App'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
