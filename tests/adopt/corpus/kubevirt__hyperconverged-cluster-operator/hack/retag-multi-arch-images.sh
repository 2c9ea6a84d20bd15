#!/usr/bin/env bash

source ./hack/architecture.sh

if [[ -z ${IMAGE_REPO} ]]; then
  echo "IMAGE_REPO must be defined"
  exit 1
fi

NEW_IMAGE_REPO=${NEW_IMAGE_REPO:-${IMAGE_REPO}}
CURRENT_TAG=${CURRENT_TAG:-${IMAGE_TAG}}
if [[ -z ${CURRENT_TAG} ]]; then
  echo "CURRENT_TAG must be defined"
  exit 1
fi

if [[ -z ${NEW_TAG} ]]; then
  echo "NEW_TAG must be defined"
  exit 1
fi

. ./hack/cri-bin.sh && export CRI_BIN=${CRI_BIN}

# retag the manifest
NEW_IMAGE="${NEW_IMAGE_REPO}:${NEW_TAG}"
${CRI_BIN} tag "${IMAGE_REPO}:${CURRENT_TAG}" "${NEW_IMAGE}"
./hack/retry.sh 3 10 "${CRI_BIN} push ${NEW_IMAGE}"
