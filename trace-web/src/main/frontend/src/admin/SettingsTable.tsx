import type { TracingSetting } from '../api/types'
import { AdminSection } from './AdminSection'
import './SettingsTable.css'

/** The tracing settings in the server's order; a secret's value is shown exactly as sent (masked). */
export function SettingsTable({ settings }: { settings: readonly TracingSetting[] }) {
  return (
    <AdminSection titleId="admin-settings-title" title="Settings">
      <table className="admin-table" data-testid="settings-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((setting) => (
            <tr key={setting.key} data-testid="setting-row" data-key={setting.key} data-secret={setting.secret}>
              <th scope="row">
                <code>{setting.key}</code>
              </th>
              <td>
                {setting.value === null ? (
                  <span className="muted" data-testid="setting-value">
                    not set
                  </span>
                ) : (
                  <code className="setting-value" data-testid="setting-value">
                    {setting.value}
                  </code>
                )}
                {setting.secret && (
                  <span className="badge badge--secret" title="The server never sends this value in clear">
                    secret
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminSection>
  )
}
