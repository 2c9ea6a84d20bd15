#!/usr/bin/env bash

# Copyright 2022 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# Bash Strict Mode: https://github.com/guettli/bash-strict-mode
trap 'echo "Warning: A command has failed. Exiting the script. Line was ($0:$LINENO): $(sed -n "${LINENO}p" "$0")"; exit 3' ERR
set -Eeuo pipefail

if [[ -n ${KUBEBUILDER_ASSETS:-} ]]; then
    echo "KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS is set. Please do not do that -> This variable is managed by this script; unset it and re-run."
    echo "This env var gets set automatically"
    exit 1
fi
unset KUBEBUILDER_ASSETS

if ! KUBEBUILDER_ASSETS=$(./hack/tools/bin/setup-envtest use \
    --bin-dir "$PWD/hack/tools/bin" -p path \
    "$KUBEBUILDER_ENVTEST_KUBERNETES_VERSION"); then
    echo "Unable to resolve envtest assets for Kubernetes $KUBEBUILDER_ENVTEST_KUBERNETES_VERSION."
    echo "Maybe this helps:"
    echo "    rm -rf hack/tools/bin/setup-envtest"
    echo "    make setup-envtest"
    exit 1
fi

if [[ ! -e $KUBEBUILDER_ASSETS ]]; then
    echo "$KUBEBUILDER_ASSETS does not exist. Check our setup."
    echo "Maybe env var wrong: KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
    echo "Maybe this helps:"
    echo "    rm -rf hack/tools/bin/setup-envtest"
    echo "    make setup-envtest"
    exit 1
fi
export KUBEBUILDER_ASSETS
echo "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"

mkdir -p .coverage

mkdir -p tmp

hack/tools/bin/gotestsum \
    --jsonfile=.reports/go-test-output.json \
    --junitfile=.coverage/junit.xml \
    --format testname -- \
    -covermode=atomic -coverprofile=.coverage/cover.out -p=1 -v -timeout 5m \
    ./controllers/... ./pkg/... ./api/... |
    tee tmp/test-unit-unfiltered.log |
    ./hack/filter-caph-controller-manager-logs.py -
