#!/bin/bash
#
# Copyright 2023 kubeflow.org
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#    http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# Remove the x if you need no print out of each command
set -e

REGISTRY="${REGISTRY:-kind-registry:5000}"
EXIT_CODE=0

C_DIR="${BASH_SOURCE%/*}"
if [[ ! -d "$C_DIR" ]]; then C_DIR="$PWD"; fi
source "${C_DIR}/helper-functions.sh"

TEST_MANIFESTS=".github/resources/manifests"
PIPELINES_STORE="database"
USE_PROXY=false
CACHE_DISABLED=false
ARTIFACT_PROXY_ENABLED=false
MULTI_USER=false
AWF_VERSION=""
POD_TO_POD_TLS_ENABLED=false
IAM_CONNTRACK_WINDOW_ACTIVE=false
IAM_CONNTRACK_BASELINE="/tmp/kfp-seaweedfs-iam-conntrack-window.tsv"

report_iam_conntrack_window() {
  if [ "$IAM_CONNTRACK_WINDOW_ACTIVE" != "true" ]; then
    return
  fi
  IAM_CONNTRACK_WINDOW_ACTIVE=false
  "${C_DIR}/conntrack-window.sh" report "$IAM_CONNTRACK_BASELINE" || true
}

# Multi-user deployment may exit under `set -e` anywhere between the IAM gate
# and Profile reconciliation. Preserve that entire conntrack window on failure.
trap report_iam_conntrack_window EXIT

# Loop over script arguments passed. This uses a single switch-case
# block with default value in case we want to make alternative deployments
# in the future.
while [ "$#" -gt 0 ]; do
  case "$1" in
    --deploy-k8s-native)
      PIPELINES_STORE="kubernetes"
      shift
      ;;
    --proxy)
      USE_PROXY=true
      shift
      ;;
    --cache-disabled)
      CACHE_DISABLED=true
      shift
      ;;
    --multi-user)
      MULTI_USER=true
      shift
      ;;
    --artifact-proxy)
      ARTIFACT_PROXY_ENABLED=true
      shift
      ;;
    --argo-version)
      shift
      if [[ -n "$1" ]]; then
        AWF_VERSION="$1"
        shift
      else
        echo "ERROR: --argo-version requires an argument"
        exit 1
      fi
      ;;
    --tls-enabled)
      POD_TO_POD_TLS_ENABLED=true
      shift
      ;;
  esac
done

if [ "${USE_PROXY}" == "true" ] && [ "${PIPELINES_STORE}" == "kubernetes" ]; then
  echo "ERROR: Kubernetes Pipeline store cannot be deployed with proxy support."
  exit 1
fi

if [ "${MULTI_USER}" == "true" ] && [ "${USE_PROXY}" == "true" ]; then
  echo "ERROR: Multi-user mode cannot be deployed with proxy support."
  exit 1
fi

if [ -n "${AWF_VERSION}"  ]; then
  echo "NOTE: Argo version ${AWF_VERSION} specified, updating Argo Workflow manifests..."
  echo "${AWF_VERSION}" > third_party/argo/VERSION
  make -C ./third_party/argo update_manifests
  echo "Manifests updated for Argo version ${AWF_VERSION}."
fi

kubectl apply -k "manifests/kustomize/cluster-scoped-resources/" || EXIT_CODE=$?

kubectl wait crd/applications.app.k8s.io --for condition=established --timeout=60s || EXIT_CODE=$?
if [[ $EXIT_CODE -ne 0 ]]; then
  echo "Failed to deploy cluster-scoped resources."
  exit $EXIT_CODE
fi

# If pipelines store is set to 'kubernetes' or pod-to-pod TLS is set to 'true', cert-manager must be deployed
if [ "${PIPELINES_STORE}" == "kubernetes" ] || [ "${POD_TO_POD_TLS_ENABLED}" == "true" ]; then
  #Install cert-manager
  make -C ./backend install-cert-manager || EXIT_CODE=$?
  if [[ $EXIT_CODE -ne 0 ]]
  then
    echo "Failed to deploy cert-manager."
    exit $EXIT_CODE
  fi
fi


# Deploy multi-user prerequisites if multi-user mode is enabled
# wait_for_pods_ready waits for pods to reach condition=Ready and, on timeout,
# dumps pod status, per-container readiness (including any istio-proxy sidecar),
# recent namespace events, and container logs before failing. These multi-user
# prerequisites intermittently miss the readiness deadline; without this a
# timeout under `set -e` exits with only a bare "timed out" line and no state,
# leaving the cause (sidecar not ready, image pull, slow init) undiagnosable.
wait_for_pods_ready() {
  local namespace="$1" selector="$2" timeout="$3" label="$4"
  local wait_args=(-n "$namespace" wait --for=condition=Ready pods --timeout "$timeout")
  local scope_args=(-n "$namespace")
  if [ -n "$selector" ]; then
    wait_args+=(-l "$selector")
    scope_args+=(-l "$selector")
  else
    wait_args+=(--all)
  fi

  if kubectl "${wait_args[@]}"; then
    return 0
  fi

  echo "ERROR: ${label} did not become Ready within ${timeout}; collecting diagnostics:"
  echo "----- pods -----"
  kubectl "${scope_args[@]}" get pods -o wide || true
  echo "----- describe (container readiness / events) -----"
  kubectl "${scope_args[@]}" describe pods || true
  echo "----- recent namespace events -----"
  # Sort by creationTimestamp: lastTimestamp is deprecated/absent for
  # events.k8s.io/v1 objects, which leaves the output unsorted on new clusters.
  kubectl -n "$namespace" get events --sort-by=.metadata.creationTimestamp 2>/dev/null | tail -40 || true
  echo "----- logs (all containers, incl. istio-proxy sidecar) -----"
  if [ -n "$selector" ]; then
    kubectl -n "$namespace" logs -l "$selector" --all-containers=true --tail=100 --prefix=true || true
  else
    # kubectl logs needs a resource or selector; with no selector (e.g. the
    # Istio wait covers the whole namespace) dump each pod individually.
    for pod in $(kubectl -n "$namespace" get pods -o name 2>/dev/null | head -20); do
      kubectl -n "$namespace" logs "$pod" --all-containers=true --tail=100 --prefix=true || true
    done
  fi
  return 1
}

if [ "${MULTI_USER}" == "true" ]; then
  echo "Installing Istio..."
  kubectl apply -k https://github.com/kubeflow/manifests/common/istio/istio-crds/base?ref=master
  kubectl apply -k https://github.com/kubeflow/manifests/common/istio/istio-namespace/base?ref=master
  kubectl apply -k https://github.com/kubeflow/manifests/common/istio/istio-install/base?ref=master
  echo "Waiting for all Istio Pods to become ready..."
  wait_for_pods_ready istio-system "" 300s "Istio pods"

  echo "Deploying Metacontroller CRD..."
  kubectl apply -f manifests/kustomize/third-party/metacontroller/base/crd.yaml
  kubectl wait --for condition=established --timeout=30s crd/compositecontrollers.metacontroller.k8s.io

  echo "Installing Profile Controller Resources..."
  kubectl apply -k https://github.com/kubeflow/manifests/applications/dashboard/upstream/profile-controller/overlays/kubeflow?ref=master
  echo "Profile controller applied; its readiness will be joined after the KFP rollout."
fi

# Manifests will be deployed according to the flag provided
if [ "${MULTI_USER}" == "false" ] && [ "${PIPELINES_STORE}" != "kubernetes" ]; then
  TEST_MANIFESTS="${TEST_MANIFESTS}/standalone"
  if $CACHE_DISABLED && $USE_PROXY; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/cache-disabled-proxy"
  elif $CACHE_DISABLED; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/cache-disabled"
  elif $USE_PROXY; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/proxy"
  elif $POD_TO_POD_TLS_ENABLED; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/tls-enabled"
  else
    TEST_MANIFESTS="${TEST_MANIFESTS}/default"
  fi
elif [ "${MULTI_USER}" == "false" ] && [ "${PIPELINES_STORE}" == "kubernetes" ]; then
  TEST_MANIFESTS="${TEST_MANIFESTS}/kubernetes-native"
  if $CACHE_DISABLED; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/cache-disabled"
  else
    TEST_MANIFESTS="${TEST_MANIFESTS}/default"
  fi
elif [ "${MULTI_USER}" == "true" ]; then
  TEST_MANIFESTS="${TEST_MANIFESTS}/multiuser"
  if $ARTIFACT_PROXY_ENABLED; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/artifact-proxy"
  elif $CACHE_DISABLED; then
    TEST_MANIFESTS="${TEST_MANIFESTS}/cache-disabled"
  else
    TEST_MANIFESTS="${TEST_MANIFESTS}/default"
  fi
fi


echo "Deploying ${TEST_MANIFESTS}..."

kubectl kustomize --load-restrictor LoadRestrictionsNone "${TEST_MANIFESTS}" | kubectl apply -f - || EXIT_CODE=$?
if [[ $EXIT_CODE -ne 0 ]]
then
  echo "Deploy unsuccessful. Failure applying ${TEST_MANIFESTS}."
  exit 1
fi

# Check if all pods are running - (10 minutes)
wait_for_pods || EXIT_CODE=$?
if [[ $EXIT_CODE -ne 0 ]]
then
  echo "Deploy unsuccessful. Not all pods running."
  exit 1
fi

if [ "${MULTI_USER}" == "true" ]; then
  # The profile controller is independent of the main KFP rollout until the
  # Profile is created below. Apply both first, then join their readiness gates
  # so controller startup is hidden behind the longer KFP rollout.
  wait_for_pods_ready kubeflow "app.kubernetes.io/name=profile-controller" 180s "profile-controller pod"

  # Profile reconciliation makes a one-shot IAM request before creating the
  # user namespace artifact secret. Pod readiness alone does not prove that
  # this Service path is accepting connections, so validate it from the
  # profile controller's own network namespace before creating the Profile.
  "${C_DIR}/conntrack-window.sh" capture "$IAM_CONNTRACK_BASELINE" || true
  IAM_CONNTRACK_WINDOW_ACTIVE=true
  "${C_DIR}/wait-for-seaweedfs-iam.sh"

  echo "Creating KF Profile..."
  kubectl apply -f test_data/kubernetes/seaweedfs/test-profiles.yaml

  echo "Applying kubeflow-edit ClusterRole with proper aggregation..."
  kubectl apply -f test_data/kubernetes/seaweedfs/kubeflow-edit-clusterrole.yaml

  echo "Applying network policy to allow user namespace access to kubeflow services..."
  kubectl apply -f test_data/kubernetes/seaweedfs/allow-user-namespace-access.yaml

  echo "Applying shared pipeline RBAC for test user..."
  kubectl apply -f test_data/kubernetes/seaweedfs/shared-pipeline-rbac.yaml
fi

# Wait for profile controller to reconcile and verify pipeline integration
if [ "${MULTI_USER}" == "true" ]; then
  KF_PROFILE=kubeflow-user-example-com
  echo "Waiting for profile controller to reconcile namespace ${KF_PROFILE}..."

  TIMEOUT=300
  INTERVAL=5
  ELAPSED=0
  while [ $ELAPSED -lt $TIMEOUT ]; do
    if kubectl get secret mlpipeline-minio-artifact -n "$KF_PROFILE" > /dev/null 2>&1; then
      echo "Secret mlpipeline-minio-artifact found in namespace ${KF_PROFILE} after ${ELAPSED}s"
      break
    fi
    echo "Waiting for secret mlpipeline-minio-artifact in namespace ${KF_PROFILE}... (${ELAPSED}s/${TIMEOUT}s)"
    sleep $INTERVAL
    ELAPSED=$((ELAPSED + INTERVAL))
  done

  if ! kubectl get secret mlpipeline-minio-artifact -n "$KF_PROFILE" > /dev/null 2>&1; then
    echo "Secret mlpipeline-minio-artifact was not visible after ${TIMEOUT}s; collecting diagnostics before a final recheck."
    echo "Checking namespace labels:"
    kubectl get namespace "$KF_PROFILE" --show-labels 2>&1 || true
    "${C_DIR}/wait-for-seaweedfs-iam.sh" --diagnostics-only
    if kubectl get secret mlpipeline-minio-artifact -n "$KF_PROFILE" > /dev/null 2>&1; then
      echo "Secret mlpipeline-minio-artifact appeared in namespace ${KF_PROFILE} during final diagnostic recheck."
    else
      echo "ERROR: Secret mlpipeline-minio-artifact not found in namespace ${KF_PROFILE} after final diagnostic recheck."
      exit 1
    fi
  fi

  report_iam_conntrack_window
  echo "Verifying Pipeline Integration..."
  echo "Secret keys present: $(kubectl get secret mlpipeline-minio-artifact -n "$KF_PROFILE" -o json | jq -r '.data | keys | join(", ")')"
fi

collect_artifacts kubeflow

echo "Finished KFP deployment."
exit 0
