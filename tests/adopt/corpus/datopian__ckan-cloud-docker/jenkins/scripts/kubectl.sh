#!/usr/bin/env bash

exec /etc/ckan-cloud/cca_operator.sh ./kubectl.sh "$@"