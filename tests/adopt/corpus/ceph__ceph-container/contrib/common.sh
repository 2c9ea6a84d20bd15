#!/bin/bash

# shellcheck disable=SC2034
UBI_BRANDING=${BRANDING:-ibm}

case "${VERSION}" in
  *4*)
    UBI_VERSION=8
    CEPH_RELEASE=nautilus
    ;;
  *5*)
    UBI_VERSION=8
    CEPH_RELEASE=pacific
    ;;
  *6*)
    UBI_VERSION=9
    CEPH_RELEASE=quincy
    ;;
  *7*)
    UBI_VERSION=9
    CEPH_RELEASE=reef
    ;;
  *8*)
    UBI_VERSION=9
    CEPH_RELEASE=squid
    ;;
    *)
    echo "ERROR: VERSION must be set to 6, 7 or 8."
    exit 1
esac

