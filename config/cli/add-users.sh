#!/usr/bin/env bash
# Adds Canvas/API users to WildFly's ApplicationRealm (application-users.properties and
# application-roles.properties of the server's configuration dir). Roles: viewer (read traces),
# runner (also run workflows), admin (also edit workflows, delete traces, see the configuration).
#
#   config/cli/add-users.sh <jboss-home> [<server-config-dir>] user:password:role[,role...] ...
#
# Without user arguments it adds the demo users viewer, runner and admin (passwords
# <name>-password) — for a laptop or a test server only; choose your own elsewhere.
# Running it again for an existing user updates the password and roles.
set -euo pipefail
jboss_home=$1
shift
config_dir="$jboss_home/standalone/configuration"
if [[ $# -gt 0 && -d "$1" ]]; then
  config_dir=$1
  shift
fi
users=("$@")
if [[ ${#users[@]} -eq 0 ]]; then
  users=(viewer:viewer-password:viewer
    runner:runner-password:viewer,runner
    admin:admin-password:viewer,runner,admin)
fi
for entry in "${users[@]}"; do
  IFS=: read -r user password roles <<<"$entry"
  "$jboss_home/bin/add-user.sh" -s -a -u "$user" -p "$password" -g "$roles" -sc "$config_dir" >/dev/null
  echo "user $user: roles $roles"
done
