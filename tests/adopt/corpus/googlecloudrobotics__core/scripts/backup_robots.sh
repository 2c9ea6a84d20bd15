#!/bin/bash
#
# Copyright 2021 The Cloud Robotics Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# see https://github.com/kubernetes/kubernetes/issues/90066#issuecomment-780236185 for hiding managed-fields
# another tool: https://github.com/itaysk/kubectl-neat

DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"
source "${DIR}/common.sh"

if ! hash jq 2>/dev/null; then
  die "This script needs jq (apt install jq)."
fi
if ! hash yq 2>/dev/null; then
  die "This script needs yq (pip3 install yq)."
fi

if [[ -z "${CLOUD_ROBOTICS_CTX}" ]]; then
  die "CLOUD_ROBOTICS_CTX needs specify the cluster context that shoudl be backed up".
fi

kc get robots -o yaml | \
  yq 2>/dev/null -ry '.items[] | del(.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"],.metadata.creationTimestamp,.metadata.generation,.metadata.managedFields,.metadata.resourceVersion,.metadata.selfLink,.metadata.uid,.status)' -
echo "---"
kc get cm -n app-token-vendor -o yaml -l app.kubernetes.io/managed-by=token-vendor | \
  yq 2>/dev/null -ry '.items[] | del(.metadata.creationTimestamp,.metadata.resourceVersion,.metadata.selfLink,.metadata.uid)' -
