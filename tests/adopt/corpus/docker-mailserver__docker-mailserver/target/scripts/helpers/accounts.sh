#!/bin/bash

# Support for Postfix accounts managed via Dovecot

# It looks like the DOMAIN in below logic is being stored in /etc/postfix/vhost,
# even if it's a value used for Postfix `main.cf:mydestination`, which apparently isn't good?
# Only an issue when $myhostname is an exact match (eg: bare domain FQDN).

DOVECOT_USERDB_FILE=/etc/dovecot/userdb
DOVECOT_MASTERDB_FILE=/etc/dovecot/masterdb

function _create_accounts() {
  : >/etc/postfix/vmailbox
  : >"${DOVECOT_USERDB_FILE}"

  [[ ${ACCOUNT_PROVISIONER} == 'FILE' ]] || return 0

  local DATABASE_ACCOUNTS='/tmp/docker-mailserver/postfix-accounts.cf'
  _create_masters

  if [[ -f ${DATABASE_ACCOUNTS} ]]; then
    _log 'trace' "Regenerating postfix user list"
    echo "# WARNING: this file is auto-generated. Modify ${DATABASE_ACCOUNTS} to edit the user list." > /etc/postfix/vmailbox

    chown dovecot:dovecot "${DOVECOT_USERDB_FILE}"
    chmod 640 "${DOVECOT_USERDB_FILE}"

    sed -i -e '/\!include auth-ldap\.conf\.ext/s/^/#/' /etc/dovecot/conf.d/10-auth.conf
    sed -i -e '/\!include auth-passwdfile\.inc/s/^#//' /etc/dovecot/conf.d/10-auth.conf

    # creating users ; 'pass' is encrypted
    # comments and empty lines are ignored
    local LOGIN PASS USER_ATTRIBUTES
    while IFS=$'|' read -r LOGIN PASS USER_ATTRIBUTES; do
      # Setting variables for better readability
      USER=$(echo "${LOGIN}" | cut -d @ -f1)
      DOMAIN=$(echo "${LOGIN}" | cut -d @ -f2)

      USER_ATTRIBUTES="$(_add_attribute_dovecot_quota "${LOGIN}" "${USER_ATTRIBUTES}")"
      if [[ -z ${USER_ATTRIBUTES} ]]; then
        _log 'debug' "Creating user '${USER}' for domain '${DOMAIN}'"
      else
        _log 'debug' "Creating user '${USER}' for domain '${DOMAIN}' with attributes '${USER_ATTRIBUTES}'"
      fi

      local POSTFIX_VMAILBOX_LINE DOVECOT_USERDB_LINE

      POSTFIX_VMAILBOX_LINE="${LOGIN} ${DOMAIN}/${USER}/"
      if grep -qF "${POSTFIX_VMAILBOX_LINE}" /etc/postfix/vmailbox; then
        _log 'warn' "User '${USER}@${DOMAIN}' will not be added to '/etc/postfix/vmailbox' twice"
      else
        echo "${POSTFIX_VMAILBOX_LINE}" >>/etc/postfix/vmailbox
      fi

      # Dovecot's userdb has the following format
      # user:password:uid:gid:(gecos):home:(shell):extra_fields
      DOVECOT_USERDB_LINE="${LOGIN}:${PASS}:${DMS_VMAIL_UID}:${DMS_VMAIL_GID}::/var/mail/${DOMAIN}/${USER}/home::${USER_ATTRIBUTES}"
      if grep -qF "${DOVECOT_USERDB_LINE}" "${DOVECOT_USERDB_FILE}"; then
        _log 'warn' "Login '${LOGIN}' will not be added to '${DOVECOT_USERDB_FILE}' twice"
      else
        echo "${DOVECOT_USERDB_LINE}" >>"${DOVECOT_USERDB_FILE}"
      fi

      mkdir -p "/var/mail/${DOMAIN}/${USER}/home"

      # copy user provided sieve file, if present
      if [[ -e "/tmp/docker-mailserver/${LOGIN}.dovecot.sieve" ]]; then
        cp "/tmp/docker-mailserver/${LOGIN}.dovecot.sieve" "/var/mail/${DOMAIN}/${USER}/home/.dovecot.sieve"
      fi
    done < <(_get_valid_lines_from_file "${DATABASE_ACCOUNTS}")

    _create_dovecot_alias_dummy_accounts
  fi
}

# Required when using Dovecot Quotas to avoid blacklisting risk from backscatter.
# Note: This is a workaround only suitable for basic aliases that map to a single real address,
# not multiple addresses (real accounts or additional aliases), those will not work with
# the Postfix `quota-status` policy service and remain at risk of backscatter.
#
# for more details on this method, see:
# https://github.com/docker-mailserver/docker-mailserver/pull/2248#issuecomment-953313852
function _create_dovecot_alias_dummy_accounts() {
  local DATABASE_VIRTUAL='/tmp/docker-mailserver/postfix-virtual.cf'
  # NOTE: `DATABASE_ACCOUNTS` should be in scope (provided from the expected caller: `_create_accounts()`)

  # Add aliases associated to DMS mailbox accounts as dummy entries into Dovecot's userdb,
  # These will share the same storage as a real account for the `quota-status` check to query.
  if [[ -f ${DATABASE_VIRTUAL} ]] && [[ ${ENABLE_QUOTAS} -eq 1 ]]; then
    local ALIAS ALIASED DOVECOT_USERDB_LINE
    while read -r ALIAS ALIASED; do
      # Skip any alias lacking `@` (aka local-part only) or is a catch-all domain (starts with `@`):
      [[ ! ${ALIAS} =~ .+@.+ ]] && continue

      # ${REAL_FQUN} is a user's fully-qualified username
      unset REAL_FQUN
      local REAL_FQUN REAL_USERNAME REAL_DOMAINNAME

      # Support checking multiple aliased addresses (split by `,` delimiter):
      # - The first local account matched will be associated to the alias
      # - Does not support resolving FQUN if it were also an alias
      for FQUN in ${ALIASED//,/ }
      do
        if grep -q "${FQUN}" "${DATABASE_ACCOUNTS}"; then
          REAL_FQUN="${FQUN}"
          REAL_USERNAME=$(cut -d '@' -f 1 <<< "${REAL_FQUN}")
          REAL_DOMAINNAME=$(cut -d '@' -f 2 <<< "${REAL_FQUN}")
          break
        fi
      done

      if [[ -z ${REAL_FQUN} ]] || ! grep -q "${REAL_FQUN}" "${DATABASE_ACCOUNTS}"; then
        _log 'debug' "Alias '${ALIAS}' is non-local (or mapped to a non-existing account) and will not be added to Dovecot's userdb"
        continue
      fi

      _log 'debug' "Adding alias '${ALIAS}' for user '${REAL_FQUN}' to Dovecot's userdb"

      # Clear possibly already filled arrays (do not remove the following line of code)
      unset REAL_ACC USER_QUOTA
      declare -a REAL_ACC USER_QUOTA

      # ${REAL_ACC[0]} => real account name (e-mail address) == ${REAL_FQUN}
      # ${REAL_ACC[1]} => password hash
      # ${REAL_ACC[2]} => optional user attributes
      IFS='|' read -r -a REAL_ACC < <(grep "${REAL_FQUN}" "${DATABASE_ACCOUNTS}")

      if [[ -z ${REAL_ACC[1]} ]]; then
        _dms_panic__misconfigured 'postfix-accounts.cf' 'alias configuration'
      fi

      # Update user attributes with custom quota if found for the `REAL_FQUN`:
      REAL_ACC[2]="$(_add_attribute_dovecot_quota "${REAL_FQUN}" "${REAL_ACC[2]}")"

      DOVECOT_USERDB_LINE="${ALIAS}:${REAL_ACC[1]}:${DMS_VMAIL_UID}:${DMS_VMAIL_GID}::/var/mail/${REAL_DOMAINNAME}/${REAL_USERNAME}/home::${REAL_ACC[2]:-}"
      # Match a full line with `-xF` to avoid regex patterns introducing false positives matching `ALIAS`:
      if grep -qixF "${DOVECOT_USERDB_LINE}" "${DOVECOT_USERDB_FILE}"; then
        _log 'warn' "Alias '${ALIAS}' will not be added to '${DOVECOT_USERDB_FILE}' twice"
      else
        echo "${DOVECOT_USERDB_LINE}" >>"${DOVECOT_USERDB_FILE}"
      fi
    done < <(_get_valid_lines_from_file "${DATABASE_VIRTUAL}")
  fi
}

# Support Dovecot master user: https://doc.dovecot.org/configuration_manual/authentication/master_users/
# Supporting LDAP users requires `auth_bind = yes` in `dovecot-ldap.conf.ext`, see docker-mailserver/docker-mailserver/pull/2535 for details
function _create_masters() {
  : >"${DOVECOT_MASTERDB_FILE}"

  local DATABASE_DOVECOT_MASTERS='/tmp/docker-mailserver/dovecot-masters.cf'
  if [[ -f ${DATABASE_DOVECOT_MASTERS} ]]; then
    _log 'trace' "Regenerating dovecot masters list"

    chown dovecot:dovecot "${DOVECOT_MASTERDB_FILE}"
    chmod 640 "${DOVECOT_MASTERDB_FILE}"

    sed -i -e '/\!include auth-master\.inc/s/^#//' /etc/dovecot/conf.d/10-auth.conf

    # creating users ; 'pass' is encrypted
    # comments and empty lines are ignored
    local LOGIN PASS
    while IFS=$'|' read -r LOGIN PASS; do
      _log 'debug' "Creating master user '${LOGIN}'"

      local DOVECOT_MASTERDB_LINE

      # Dovecot's masterdb has the following format
      # user:password
      DOVECOT_MASTERDB_LINE="${LOGIN}:${PASS}"
      if grep -qF "${DOVECOT_MASTERDB_LINE}" "${DOVECOT_MASTERDB_FILE}"; then
        _log 'warn' "Login '${LOGIN}' will not be added to '${DOVECOT_MASTERDB_FILE}' twice"
      else
        echo "${DOVECOT_MASTERDB_LINE}" >>"${DOVECOT_MASTERDB_FILE}"
      fi
    done < <(_get_valid_lines_from_file "${DATABASE_DOVECOT_MASTERS}")
  fi
}

function _add_attribute_dovecot_quota() {
  local MAIL_ACCOUNT="${1}"
  local USER_ATTRIBUTES="${2}"

  if [[ -f /tmp/docker-mailserver/dovecot-quotas.cf ]]; then
    declare -a USER_QUOTA
    IFS=':' read -r -a USER_QUOTA < <(grep -i "${MAIL_ACCOUNT}:" /tmp/docker-mailserver/dovecot-quotas.cf)

    if [[ ${#USER_QUOTA[@]} -eq 2 ]]; then
      USER_ATTRIBUTES="${USER_ATTRIBUTES:+${USER_ATTRIBUTES} }userdb_quota_storage_size=${USER_QUOTA[1]}"
      # Dovecot 2.4 quota_storage_grace is a size, not a percentage. Keep the 2.3 10% of this mailbox.
      if [[ ${USER_QUOTA[1]} =~ ^([1-9][0-9]*)([BkMGT])$ ]]; then
        USER_ATTRIBUTES+=" userdb_quota_storage_grace=$(( BASH_REMATCH[1] / 10 ))${BASH_REMATCH[2]}"
      fi
    fi
  fi

  echo "${USER_ATTRIBUTES}"
}
