// The entry point: mounts the Canvas on index.html's #root, behind its login page.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Before the components, whose own stylesheets build on the global rules.
import './global.css'
import { App } from './App'
import { AuthGate } from './auth/AuthGate'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthGate>
      <App />
    </AuthGate>
  </StrictMode>,
)
