#!/usr/bin/env bash

/etc/ckan-cloud/cca_operator.sh ./delete-instance.sh "${INSTANCE_ID}"