#!/usr/bin/env bash

echo "${ANSIBLE_VAULT_PASSWORD}"
