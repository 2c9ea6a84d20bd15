#!/usr/bin/env bash

/etc/ckan-cloud/cca_operator.sh ./list-instances.sh