#!/usr/bin/env bash

# shellcheck disable=SC2034
GITSECRET_VERSION='0.5.1-alpha1'
