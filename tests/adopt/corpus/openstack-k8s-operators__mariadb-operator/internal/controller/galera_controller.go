/*
Copyright 2022.

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/

// Package controller contains the Galera and MariaDB account controllers for the mariadb-operator.
package controller

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openstack-k8s-operators/lib-common/modules/common"
	condition "github.com/openstack-k8s-operators/lib-common/modules/common/condition"
	configmap "github.com/openstack-k8s-operators/lib-common/modules/common/configmap"
	env "github.com/openstack-k8s-operators/lib-common/modules/common/env"
	helper "github.com/openstack-k8s-operators/lib-common/modules/common/helper"
	"github.com/openstack-k8s-operators/lib-common/modules/common/labels"
	"github.com/openstack-k8s-operators/lib-common/modules/common/pdb"
	common_rbac "github.com/openstack-k8s-operators/lib-common/modules/common/rbac"
	"github.com/openstack-k8s-operators/lib-common/modules/common/secret"
	"github.com/openstack-k8s-operators/lib-common/modules/common/service"
	commonstatefulset "github.com/openstack-k8s-operators/lib-common/modules/common/statefulset"
	"github.com/openstack-k8s-operators/lib-common/modules/common/tls"
	util "github.com/openstack-k8s-operators/lib-common/modules/common/util"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	k8s_errors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/kubectl/pkg/util/podutils"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/runtime"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	topologyv1 "github.com/openstack-k8s-operators/infra-operator/apis/topology/v1beta1"
	mariadbv1 "github.com/openstack-k8s-operators/mariadb-operator/api/v1beta1"
	mariadb "github.com/openstack-k8s-operators/mariadb-operator/internal/mariadb"
)

// fields to index to reconcile on CR change
const (
	// serviceSecretNameField specifies the field path for TLS service secret name
	serviceSecretNameField = ".spec.tls.genericService.SecretName" // #nosec G101 -- This is a field path, not a credential
	// caSecretNameField specifies the field path for CA bundle secret name
	caSecretNameField = ".spec.tls.ca.caBundleSecretName" // #nosec G101 -- This is a field path, not a credential
	topologyField     = ".spec.topologyRef.Name"
)

// Static errors
var (
	// ErrOpenStackSecretNotFound indicates that the OpenStack secret was not found
	ErrOpenStackSecretNotFound = errors.New("OpenStack secret not found")
	// ErrOpenStackSecretMissingField indicates that the OpenStack secret is missing a required field
	ErrOpenStackSecretMissingField = errors.New("OpenStack secret missing required field")
)

var allWatchFields = []string{
	serviceSecretNameField,
	caSecretNameField,
	topologyField,
}

// bootstrapPodInfo tracks which pod is currently bootstrapping a galera
// cluster, along with the containerID at injection time so the entry
// can be invalidated when the container restarts.
type bootstrapPodInfo struct {
	podName     string
	containerID string
}

// GaleraReconciler reconciles a Galera object
type GaleraReconciler struct {
	client.Client
	Kclient kubernetes.Interface
	config  *rest.Config
	Scheme  *runtime.Scheme
	// bootstrapping tracks the pod currently bootstrapping each Galera
	// cluster. Keyed by types.NamespacedName. Entries are set when
	// gcomm:// is injected and cleared when the cluster bootstraps,
	// the pod restarts (new CID), or the CR is deleted.
	// Joiner injection is not tracked here — the filesystem check in
	// isGaleraContainerStartedAndWaiting handles that.
	bootstrapping sync.Map // types.NamespacedName -> bootstrapPodInfo
}

// GetLog returns a logger object with a prefix of "controller.name" and additional controller context fields
func GetLog(ctx context.Context, controller string) logr.Logger {
	return log.FromContext(ctx).WithName("Controllers").WithName(controller)
}

///
// General Galera helper functions
//

// findBestCandidate selects the best node to bootstrap a galera cluster.
// It requires all replicas to have reported their state (seqno) before
// making a decision. Prefers a node marked SafeToBootstrap; otherwise
// picks the node with the highest seqno.
//
// ContainerID freshness is NOT checked here. During bootstrap recovery
// (Bootstrapped==false), no pod has started mysqld -- pods are blocked
// waiting for gcomm_uri -- so the seqno on disk (and thus in the
// pushed attributes) cannot change between container restarts. Checking
// CIDs against the live pod list would create a race: pods restart
// faster than the reconcile cycle, causing permanent mismatches.
func findBestCandidate(g *mariadbv1.Galera, pods []corev1.Pod, log logr.Logger) (node string, found bool) {
	log.Info("Known attributes for bootstrapping the cluster", "attributes", g.Status.Attributes)

	// Log CID mismatches for observability (not used for decisions)
	for _, pod := range pods {
		if _, cid := getGaleraContainerID(&pod); cid != "" {
			if attr, ok := g.Status.Attributes[pod.Name]; ok && attr.ContainerID != cid {
				log.Info("ContainerID differs between attribute and running pod (informational)",
					"pod", pod.Name,
					"podCID", cid,
					"attrCID", attr.ContainerID)
			}
		}
	}

	// Collect all pods that have pushed attributes (regardless of CID)
	var knownNodes []string
	for _, pod := range pods {
		if _, ok := g.Status.Attributes[pod.Name]; ok {
			knownNodes = append(knownNodes, pod.Name)
		}
	}
	sort.Strings(knownNodes)

	bestnode := ""
	bestseqno := -1
	for _, node := range knownNodes {
		// On clean shutdown, galera sets the last stopped node as
		// 'safe to bootstrap', so use this hint when we can.
		if g.Status.Attributes[node].SafeToBootstrap {
			return node, true
		}
		seqno := g.Status.Attributes[node].Seqno
		intseqno, _ := strconv.Atoi(seqno)
		if intseqno >= bestseqno {
			bestnode = node
			bestseqno = intseqno
		}
	}
	if len(knownNodes) != int(*g.Spec.Replicas) {
		return "", false
	}
	return bestnode, true
}

// buildGcommURI builds a gcomm URI for a galera instance
// e.g. "gcomm://galera-0.galera,galera-1.galera,galera-2.galera"
func buildGcommURI(instance *mariadbv1.Galera) string {
	replicas := int(*instance.Spec.Replicas)
	basename := instance.Name + "-galera"
	res := []string{}

	for i := range replicas {
		// Generate Gcomm with subdomains for TLS validation
		res = append(res, basename+"-"+strconv.Itoa(i)+"."+basename+"."+instance.Namespace+".svc")
	}
	uri := "gcomm://" + strings.Join(res, ",")
	return uri
}

// isBootstrapInProgress checks whether a node is currently starting a galera cluster.
// Returns true only if the container that initiated the bootstrap is still present.
// If the pod restarted (new CID) or no longer exists, the entry is cleared so the
// operator can reprobe.
func (r *GaleraReconciler) isBootstrapInProgress(instance *mariadbv1.Galera, pods []corev1.Pod) bool {
	key := types.NamespacedName{Namespace: instance.Namespace, Name: instance.Name}
	val, ok := r.bootstrapping.Load(key)
	if !ok {
		return false
	}
	info := val.(bootstrapPodInfo)
	for _, pod := range pods {
		if pod.Name == info.podName {
			if _, cid := getGaleraContainerID(&pod); cid == info.containerID {
				return true
			}
			r.clearBootstrapState(instance)
			return false
		}
	}
	r.clearBootstrapState(instance)
	return false
}

func (r *GaleraReconciler) setBootstrapInProgress(instance *mariadbv1.Galera, podName, containerID string) {
	key := types.NamespacedName{Namespace: instance.Namespace, Name: instance.Name}
	r.bootstrapping.Store(key, bootstrapPodInfo{podName: podName, containerID: containerID})
}

func (r *GaleraReconciler) clearBootstrapState(instance *mariadbv1.Galera) {
	key := types.NamespacedName{Namespace: instance.Namespace, Name: instance.Name}
	r.bootstrapping.Delete(key)
}

// reconstructBootstrapState detects a bootstrap already in progress by
// probing pods for a running mysqld process. This covers the case where
// the operator restarted and lost its in-memory state. Only probes when
// the sync.Map has no entry for this instance.
func (r *GaleraReconciler) reconstructBootstrapState(ctx context.Context, instance *mariadbv1.Galera, pods []corev1.Pod, h *helper.Helper, config *rest.Config) {
	key := types.NamespacedName{Namespace: instance.Namespace, Name: instance.Name}
	if _, ok := r.bootstrapping.Load(key); ok {
		return
	}

	log := GetLog(ctx, "galera")
	for _, pod := range pods {
		if pod.Status.Phase != corev1.PodRunning || podutils.IsPodReady(&pod) {
			continue
		}
		if isGaleraContainerRunningMysqld(ctx, &pod, instance, h, config) {
			_, cid := getGaleraContainerID(&pod)
			log.Info("Detected bootstrap already in progress", "pod", pod.Name)
			r.setBootstrapInProgress(instance, pod.Name, cid)
			return
		}
	}
}

///
// Reconcile logics helper functions
//

// getPodFromName returns the pod object from a pod name
func getPodFromName(pods []corev1.Pod, name string) *corev1.Pod {
	for _, pod := range pods {
		if pod.Name == name {
			return &pod
		}
	}
	return nil
}

// isPodRunning checks whether the pod is already running and not yet deleted
func isPodRunning(pod *corev1.Pod) bool {
	return pod.Status.Phase == corev1.PodRunning &&
		pod.DeletionTimestamp == nil
}

// getReadyPods returns all the pods in Running phase, filtered by Ready state
func getReadyPods(pods []corev1.Pod) (ret []corev1.Pod) {
	for _, pod := range pods {
		if isPodRunning(&pod) && podutils.IsPodReady(&pod) {
			ret = append(ret, pod)
		}
	}
	return
}

// getWaitingPodsNotUsingNewReportScript filters out pods which are not yet
// using the new galera state report script (pre-push behaviour ONLY)
func getPodsNotUsingNewReportScript(pods []corev1.Pod) (ret []corev1.Pod) {
	for _, pod := range pods {
		cmIdx := slices.IndexFunc(pod.Spec.Volumes, func(v corev1.Volume) bool {
			return v.Name == "operator-scripts"
		})
		cm := *pod.Spec.Volumes[cmIdx].ConfigMap
		scriptIdx := slices.IndexFunc(cm.Items, func(k corev1.KeyToPath) bool {
			return k.Key == "report_local_galera_state.py"
		})
		if scriptIdx == -1 {
			ret = append(ret, pod)
		}
	}
	return
}

// getWaitingPodsMissingAttributes returns all the pods for which the operator
// has no seqno information, and which are ready for being inspected.
// Note: a pod is considered 'ready for inspection' when its main container is
// started and its inner process is currently waiting for a gcomm URI
// (i.e. it is not running mysqld)
func getWaitingPodsMissingAttributes(ctx context.Context, pods []corev1.Pod, instance *mariadbv1.Galera, h *helper.Helper, config *rest.Config) (ret []corev1.Pod) {
	for _, pod := range pods {
		if isPodRunning(&pod) && !podutils.IsPodReady(&pod) {
			_, attrFound := instance.Status.Attributes[pod.Name]
			if attrFound {
				cidFound, cid := getGaleraContainerID(&pod)
				if !cidFound || cid != instance.Status.Attributes[pod.Name].ContainerID {
					// The info we have for this pod came from an old container,
					// so drop it and mark this pod as missing attributes
					clearPodAttributes(ctx, instance, pod.Name)
					attrFound = false
				}
			}
			if !attrFound && isGaleraContainerStartedAndWaiting(ctx, &pod, instance, h, config) {
				ret = append(ret, pod)
			}
		}
	}
	return
}

// retrieveAttributesForPods fetches galera database status from pods which are not
// not yet using the new galera state report script (pre-push behaviour ONLY)
func retrieveAttributesForPods(ctx context.Context, pods []corev1.Pod, instance *mariadbv1.Galera, h *helper.Helper, config *rest.Config) {
	for _, pod := range pods {
		name := pod.Name
		util.LogForObject(h, fmt.Sprintf("Pod %s running, retrieve seqno", name), instance)
		warn, err := retrieveSequenceNumber(ctx, h, config, instance, &pod)
		if len(warn) > 0 {
			util.LogForObject(h, fmt.Sprintf("Warning: %q", warn), instance)
		}
		if err != nil {
			util.LogForObject(h, fmt.Sprintf("Failed to retrieve seqno: %q", err), instance)
		}
	}
}

// getPodsWaitingForGcomm returns all the pods which are not running galera
// yet but are ready to join the cluster.
// NOTE: a pod is considered 'ready to join' when its main container is
// started and its inner process is currently waiting for a gcomm URI
// (i.e. it is not running mysqld)
func getPodsWaitingForGcomm(ctx context.Context, pods []corev1.Pod, instance *mariadbv1.Galera, h *helper.Helper, config *rest.Config) (ret []corev1.Pod) {
	for _, pod := range pods {
		if isPodRunning(&pod) && !podutils.IsPodReady(&pod) &&
			isGaleraContainerStartedAndWaiting(ctx, &pod, instance, h, config) {
			ret = append(ret, pod)
		}
	}
	return
}

// getGaleraContainerID retrieves the ContainerID of the galera container running in a pod
func getGaleraContainerID(pod *corev1.Pod) (found bool, CID string) {
	for _, container := range pod.Status.ContainerStatuses {
		if container.Name == "galera" {
			return true, container.ContainerID
		}
	}
	return false, ""
}

// isGaleraContainerRunningMysqld checks whether mysqld is running as a
// child of PID 1 (the init process, e.g. dumb-init). This means the
// detect script has consumed gcomm_uri and exec'd into mysqld. Used to
// reconstruct bootstrap state after an operator restart.
func isGaleraContainerRunningMysqld(ctx context.Context, pod *corev1.Pod, instance *mariadbv1.Galera, h *helper.Helper, config *rest.Config) bool {
	running := false
	err := mariadb.ExecInPod(ctx, h, config, instance.Namespace, pod.Name, "galera",
		[]string{"/bin/bash", "-c", "pgrep -aP1 | grep -wo mysqld"},
		func(stdout *bytes.Buffer, _ *bytes.Buffer) error {
			running = strings.TrimSpace(stdout.String()) == "mysqld"
			return nil
		})
	return err == nil && running
}

// isGaleraContainerStartedAndWaiting checks whether the galera container is waiting for a gcomm_uri file
func isGaleraContainerStartedAndWaiting(ctx context.Context, pod *corev1.Pod, instance *mariadbv1.Galera, h *helper.Helper, config *rest.Config) bool {
	waiting := false
	err := mariadb.ExecInPod(ctx, h, config, instance.Namespace, pod.Name, "galera",
		[]string{"/bin/bash", "-c", "test ! -f /var/lib/mysql/gcomm_uri && pgrep -aP1 | grep -o detect_gcomm_and_start.sh"},
		func(stdout *bytes.Buffer, _ *bytes.Buffer) error {
			predicate := strings.TrimSuffix(stdout.String(), "\n")
			waiting = (predicate == "detect_gcomm_and_start.sh")
			return nil
		})
	return err == nil && waiting
}

///
// Status management helper functions
// These functions have side effect and modify the galera CR's status
//

// injectGcommURI configures a pod to start galera with a given URI.
// The URI is written directly into the pod's filesystem, which is the
// sole consumer — the operator does not record it in Status.Attributes
// to avoid a concurrency race with the deferred status merge patch.
// For bootstrap URIs (gcomm://), the caller is responsible for recording
// the bootstrap state via setBootstrapInProgress after a successful call.
//
// If the exec fails (e.g. transient connection error), the error is
// returned so the reconcile event gets reprocessed, giving us a chance
// to re-inject the URI. If the error was due to a pod restart, the next
// reconcile will detect the new ContainerID and wait for the pod to
// publish fresh attributes before injecting.
func injectGcommURI(ctx context.Context, h *helper.Helper, config *rest.Config, instance *mariadbv1.Galera, pod *corev1.Pod, uri string) error {
	return mariadb.ExecInPod(ctx, h, config, instance.Namespace, pod.Name, "galera",
		[]string{"/bin/bash", "-c", "echo '" + uri + "' > /var/lib/mysql/gcomm_uri"},
		func(_ *bytes.Buffer, _ *bytes.Buffer) error {
			return nil
		})
}

// retrieveSequenceNumber probes a pod's galera instance for sequence number
func retrieveSequenceNumber(ctx context.Context, helper *helper.Helper, config *rest.Config, instance *mariadbv1.Galera, pod *corev1.Pod) (errStr []string, err error) {
	errStr = nil
	err = mariadb.ExecInPod(ctx, helper, config, instance.Namespace, pod.Name, "galera",
		[]string{"/bin/bash", "/var/lib/operator-scripts/detect_last_commit.sh"},
		func(stdout *bytes.Buffer, stderr *bytes.Buffer) error {
			var attr mariadbv1.GaleraAttributes
			if err := json.Unmarshal(stdout.Bytes(), &attr); err != nil {
				return err
			}
			if stderr.Len() > 0 {
				errStr = strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			}
			// Remember the container from which the probe was extracted
			attr.ContainerID = pod.Status.ContainerStatuses[0].ContainerID
			instance.Status.Attributes[pod.Name] = attr
			return nil
		})
	return
}

// clearPodAttributes clears information known by the operator about a pod
func clearPodAttributes(ctx context.Context, instance *mariadbv1.Galera, podName string) {
	delete(instance.Status.Attributes, podName)
	log := GetLog(ctx, "galera")
	log.Info("Clear tracked attributes for pod", "pod", podName, "instance", instance)
	// If the pod was deemed safeToBootstrap, this state has to be reassessed
	if instance.Status.SafeToBootstrap == podName {
		instance.Status.SafeToBootstrap = ""
	}
}

// clearOldPodsAttributesOnScaleDown removes known information from old pods
// that no longer exist after a scale down of the galera CR
func clearOldPodsAttributesOnScaleDown(ctx context.Context, instance *mariadbv1.Galera) {
	replicas := int(*instance.Spec.Replicas)

	// a pod's name is built as 'statefulsetname-n'
	for node := range instance.Status.Attributes {
		parts := strings.Split(node, "-")
		index, _ := strconv.Atoi(parts[len(parts)-1])
		if index >= replicas {
			clearPodAttributes(ctx, instance, node)
		}
	}
}

// RBAC for galera resources
// +kubebuilder:rbac:groups=mariadb.openstack.org,resources=galeras,verbs=get;list;watch;create;update;patch;delete
// +kubebuilder:rbac:groups=mariadb.openstack.org,resources=galeras/status,verbs=get;update;patch
// +kubebuilder:rbac:groups=mariadb.openstack.org,resources=galeras/finalizers,verbs=update;patch

// RBAC for statefulsets
// +kubebuilder:rbac:groups=apps,resources=statefulsets,verbs=get;list;watch;create;update;patch;delete
// +kubebuilder:rbac:groups=apps,resources=statefulsets/status,verbs=get;list;watch

// RBAC for pods
// +kubebuilder:rbac:groups=core,resources=pods,verbs=get;list;watch;create;update;patch;delete;
// +kubebuilder:rbac:groups=core,resources=pods/exec,verbs=create

// RBAC for secrets
// +kubebuilder:rbac:groups=core,resources=secrets,verbs=get;list;watch;create;update;patch;delete;

// RBAC for services
// +kubebuilder:rbac:groups=core,resources=services,verbs=get;list;watch;create;update;patch;delete;

// RBAC for configmaps
// +kubebuilder:rbac:groups=core,resources=configmaps,verbs=get;list;watch;create;update;patch;delete;

// RBAC permissions to create service accounts, roles, role bindings
// +kubebuilder:rbac:groups="",resources=serviceaccounts,verbs=get;list;watch;create;update;patch
// +kubebuilder:rbac:groups="rbac.authorization.k8s.io",resources=roles,verbs=get;list;watch;create;update;patch
// +kubebuilder:rbac:groups="rbac.authorization.k8s.io",resources=rolebindings,verbs=get;list;watch;create;update;patch

// RBAC required to grant the service account role these capabilities
// +kubebuilder:rbac:groups="security.openshift.io",resourceNames=anyuid,resources=securitycontextconstraints,verbs=use
// +kubebuilder:rbac:groups="",resources=pods,verbs=create;delete;get;list;patch;update;watch

// +kubebuilder:rbac:groups=core,resources=persistentvolumeclaims,verbs=get;list;watch;create;update;delete;patch

// RBAC required to manage PodDisruptionBudgets for multi-replica deployments
// +kubebuilder:rbac:groups=policy,resources=poddisruptionbudgets,verbs=get;list;watch;create;update;patch;delete

// RBAC required to manipulate Topology resources
// +kubebuilder:rbac:groups=topology.openstack.org,resources=topologies,verbs=get;list;watch;update

// Reconcile - Galera
func (r *GaleraReconciler) Reconcile(ctx context.Context, req ctrl.Request) (result ctrl.Result, _err error) {
	log := GetLog(ctx, "galera")

	// Fetch the Galera instance
	instance := &mariadbv1.Galera{}
	err := r.Get(ctx, req.NamespacedName, instance)
	if err != nil {
		if k8s_errors.IsNotFound(err) {
			// Request object not found, could have been deleted after reconcile request.
			// Owned objects are automatically garbage collected. For additional cleanup logic use finalizers.
			// Return and don't requeue
			return ctrl.Result{}, nil
		}
		// Error reading the object - requeue the request.
		return ctrl.Result{}, err
	}

	helper, err := helper.NewHelper(
		instance,
		r.Client,
		r.Kclient,
		r.Scheme,
		log,
	)
	if err != nil {
		return ctrl.Result{}, err
	}

	// initialize status if Conditions is nil, but do not reset if it already
	// exists
	isNewInstance := instance.Status.Conditions == nil
	if isNewInstance {
		instance.Status.Conditions = condition.Conditions{}
	}

	// Save a copy of the condtions so that we can restore the LastTransitionTime
	// when a condition's state doesn't change.
	savedConditions := instance.Status.Conditions.DeepCopy()

	// Always patch the instance status when exiting this function so we can
	// persist any changes.
	defer func() {
		// Don't update the status, if Reconciler Panics
		if r := recover(); r != nil {
			log.Info(fmt.Sprintf("Panic during reconcile %v\n", r))
			panic(r)
		}
		condition.RestoreLastTransitionTimes(
			&instance.Status.Conditions, savedConditions)
		if instance.Status.Conditions.IsUnknown(condition.ReadyCondition) {
			instance.Status.Conditions.Set(
				instance.Status.Conditions.Mirror(condition.ReadyCondition))
		}
		err := helper.PatchInstance(ctx, instance)
		if err != nil {
			_err = err
			return
		}
	}()

	//
	// initialize status
	//
	if instance.Status.Attributes == nil {
		instance.Status.Attributes = make(map[string]mariadbv1.GaleraAttributes)
	}
	// initialize conditions used later as Status=Unknown
	cl := condition.CreateList(
		condition.UnknownCondition(condition.ReadyCondition, condition.InitReason, condition.ReadyInitMessage),
		// DB Root password
		condition.UnknownCondition(condition.InputReadyCondition, condition.InitReason, condition.InputReadyInitMessage),
		// TLS cert secrets
		condition.UnknownCondition(condition.TLSInputReadyCondition, condition.InitReason, condition.InputReadyInitMessage),
		// service (expose database to pods) and headless service (between galera pods)
		condition.UnknownCondition(condition.CreateServiceReadyCondition, condition.InitReason, condition.CreateServiceReadyInitMessage),
		// configmap generation
		condition.UnknownCondition(condition.ServiceConfigReadyCondition, condition.InitReason, condition.ServiceConfigReadyInitMessage),
		// cluster bootstrap
		condition.UnknownCondition(condition.DeploymentReadyCondition, condition.InitReason, condition.DeploymentReadyInitMessage),
		// service account, role, rolebinding
		condition.UnknownCondition(condition.ServiceAccountReadyCondition, condition.InitReason, condition.ServiceAccountReadyInitMessage),
		condition.UnknownCondition(condition.RoleReadyCondition, condition.InitReason, condition.RoleReadyInitMessage),
		condition.UnknownCondition(condition.RoleBindingReadyCondition, condition.InitReason, condition.RoleBindingReadyInitMessage),
		condition.UnknownCondition(condition.PDBReadyCondition, condition.InitReason, condition.PDBReadyInitMessage),
	)

	instance.Status.Conditions.Init(&cl)
	instance.Status.ObservedGeneration = instance.Generation

	// If we're not deleting this and the service object doesn't have our finalizer, add it.
	if instance.DeletionTimestamp.IsZero() && controllerutil.AddFinalizer(instance, helper.GetFinalizer()) || isNewInstance {
		return ctrl.Result{}, err
	}

	// Init Topology condition if there's a reference
	if instance.Spec.TopologyRef != nil {
		c := condition.UnknownCondition(condition.TopologyReadyCondition, condition.InitReason, condition.TopologyReadyInitMessage)
		cl.Set(c)
	}

	// Handle service delete
	if !instance.DeletionTimestamp.IsZero() {
		return r.reconcileDelete(ctx, instance, helper)
	}

	//
	// Service account, role, binding
	//
	rbacRules := []rbacv1.PolicyRule{
		{
			APIGroups:     []string{"security.openshift.io"},
			ResourceNames: []string{"anyuid"},
			Resources:     []string{"securitycontextconstraints"},
			Verbs:         []string{"use"},
		},
		{
			APIGroups: []string{""},
			Resources: []string{"pods"},
			Verbs:     []string{"create", "get", "list", "watch", "update", "patch", "delete"},
		},
		{
			APIGroups: []string{""},
			Resources: []string{"services"},
			Verbs:     []string{"get", "list", "update", "patch"},
		},
		{
			APIGroups: []string{"mariadb.openstack.org"},
			Resources: []string{"galeras"},
			Verbs:     []string{"get", "list"},
		},
		{
			APIGroups: []string{"mariadb.openstack.org"},
			Resources: []string{"galeras/status"},
			Verbs:     []string{"get", "list", "update", "patch"},
		},
		{
			APIGroups: []string{"mariadb.openstack.org"},
			Resources: []string{"mariadbaccounts"},
			Verbs:     []string{"get", "list"},
		},
		{
			APIGroups: []string{""},
			Resources: []string{"secrets"},
			Verbs:     []string{"get"},
		},
	}
	rbacResult, err := common_rbac.ReconcileRbac(ctx, helper, instance, rbacRules)
	if err != nil {
		return rbacResult, err
	} else if (rbacResult != ctrl.Result{}) {
		return rbacResult, nil
	}

	//
	// Create/Update all the resources associated to this galera instance
	//

	// the headless service provides DNS entries for pods
	// the name of the resource must match the name of the app selector
	pkghl := mariadb.HeadlessService(instance)
	headless := &corev1.Service{ObjectMeta: pkghl.ObjectMeta}
	op, err := controllerutil.CreateOrPatch(ctx, r.Client, headless, func() error {
		headless.Spec = pkghl.Spec
		err := controllerutil.SetControllerReference(instance, headless, r.Client.Scheme())
		if err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return ctrl.Result{}, err
	}
	if op != controllerutil.OperationResultNone {
		log.Info("", "Kind", instance.Kind, "Name", instance.Name, "database headless service", headless.Name, "operation", string(op))
	}

	pkgsvc := mariadb.Service(instance)
	service := &corev1.Service{ObjectMeta: pkgsvc.ObjectMeta}
	op, err = controllerutil.CreateOrPatch(ctx, r.Client, service, func() error {
		// Add finalizer to the svc to prevent deletion. If the svc gets deleted
		// and re-created it will receive a new ClusterIP and connection from
		// service get stuck.
		controllerutil.AddFinalizer(service, helper.GetFinalizer())

		// NOTE(dciabrin) We deploy Galera as an A/P service (i.e. no multi-master writes)
		// by setting labels in the service's label selectors.
		// This label is dynamically set based on the status of the Galera cluster,
		// so in this CreateOrPatch block we must reuse whatever is present in
		// the existing service CR in case we're patching it.
		activePod, present := service.Spec.Selector[mariadb.ActivePodSelectorKey]
		service.Spec = pkgsvc.Spec
		if present {
			service.Spec.Selector[mariadb.ActivePodSelectorKey] = activePod
		}
		err := controllerutil.SetControllerReference(instance, service, r.Client.Scheme())
		if err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return ctrl.Result{}, err
	}
	if op != controllerutil.OperationResultNone {
		log.Info("", "Kind", instance.Kind, "Name", instance.Name, "database service", service.Name, "operation", string(op))
	}

	instance.Status.Conditions.MarkTrue(condition.CreateServiceReadyCondition, condition.CreateServiceReadyMessage)

	//
	// PodDisruptionBudget
	//
	if instance.Spec.Replicas != nil && *instance.Spec.Replicas > 1 {
		pdbSpec := pdb.MaxUnavailablePodDisruptionBudget(
			instance.Name,
			instance.Namespace,
			intstr.FromInt(1),
			mariadb.LabelSelectors(instance, "galera"),
		)
		pdbInstance := pdb.NewPDB(pdbSpec, 5*time.Second)

		ctrlResult, err := pdbInstance.CreateOrPatch(ctx, helper)
		if err != nil {
			log.Error(err, "Could not apply PDB")
			instance.Status.Conditions.Set(condition.FalseCondition(
				condition.PDBReadyCondition,
				condition.ErrorReason,
				condition.SeverityWarning,
				condition.PDBReadyErrorMessage, err.Error()))
			return ctrl.Result{}, err
		} else if (ctrlResult != ctrl.Result{}) {
			return ctrlResult, nil
		}
	} else {
		err := pdb.DeletePDBWithName(ctx, helper, instance.Name, instance.Namespace)
		if err != nil {
			return ctrl.Result{}, fmt.Errorf("failed to delete PDB: %w", err)
		}
	}
	instance.Status.Conditions.MarkTrue(condition.PDBReadyCondition, condition.PDBReadyMessage)

	// Map of all resources that may cause a rolling service restart
	inputHashEnv := make(map[string]env.Setter)

	// Map of all cluster properties that require a full service restart
	clusterPropertiesEnv := make(map[string]env.Setter)

	// Check and hash inputs

	// ******** TEMPORARY ************
	// Pull the DbRootPassword from osp-secret to allow CI / external
	// scripts to work, until they can adapt to root_auth.sh

	legacyRootPassword := ""
	// Associate to DbRootPassword field a password validator to
	// ensure pwd invalid detected patterns are rejected.
	validateFields := map[string]secret.Validator{
		"DbRootPassword": secret.PasswordValidator{},
	}
	if instance.Spec.Secret != "" {
		_, res, err := secret.VerifySecretFields(
			ctx,
			types.NamespacedName{Namespace: instance.Namespace, Name: instance.Spec.Secret},
			validateFields,
			helper.GetClient(),
			time.Duration(5)*time.Second)
		if err != nil {
			if k8s_errors.IsNotFound(err) {
				// Since the OpenStack secret should have been manually created by the user and referenced in the spec,
				// we treat this as a warning because it means that the service will not be able to start.
				instance.Status.Conditions.Set(condition.FalseCondition(
					condition.InputReadyCondition,
					condition.ErrorReason,
					condition.SeverityWarning,
					condition.InputReadyWaitingMessage))
				return res, fmt.Errorf("%w: %s", ErrOpenStackSecretNotFound, instance.Spec.Secret)
			}
			if errors.Is(err, util.ErrFieldNotFound) {
				// The secret exists but is missing the DbRootPassword field.
				// We treat this as a warning because it means that the service will not be able to start.
				instance.Status.Conditions.Set(condition.FalseCondition(
					condition.InputReadyCondition,
					condition.ErrorReason,
					condition.SeverityWarning,
					condition.InputReadyWaitingMessage))
				return res, fmt.Errorf("%w: %s", ErrOpenStackSecretMissingField, "DbRootPassword")
			}
			return ctrl.Result{}, err
		}

		legacySecret, _, err := secret.GetSecret(ctx, helper, instance.Spec.Secret, instance.Namespace)
		if err != nil {
			return ctrl.Result{}, err
		}
		legacyRootPassword = string(legacySecret.Data["DbRootPassword"])
	}

	// ******** END TEMPORARY ************

	databaseAccountName := r.getRootMariadbAccountName(instance)

	mariaDBAccount, rootSecret, err := mariadbv1.EnsureMariaDBSystemAccount(
		ctx, helper, databaseAccountName,
		instance.Name, instance.Namespace, false, "root", legacyRootPassword)

	if err != nil {
		instance.Status.Conditions.Set(condition.FalseCondition(
			mariadbv1.MariaDBAccountReadyCondition,
			condition.ErrorReason,
			condition.SeverityWarning,
			mariadbv1.MariaDBAccountNotReadyMessage,
			err.Error()))

		return ctrl.Result{}, err
	}

	// copy out the name of the MariaDBAccount in use to Status, so that it can
	// be located by the user for modification (OSPRH-27668). While the
	// RootDatabaseAccount is also part of instance.Spec, that field defaults
	// to blank to indicate a naming convention is to be used; the status field
	// shows the actual name in use regardless of whether it was manually set
	// or naming-convention generated.
	instance.Status.RootDatabaseAccount = mariaDBAccount.Name

	// also copy out the name of the Secret linked to the above MariaDBAccount
	// to Status, favoring its CurrentSecret field (e.g. the effective secret
	// right now) above all.  CurrentSecret functions as the canonical source
	// of the root DB password for the Galera instance as it is currently set.
	// Updates to the MariaDBAccount->Secret may be made independently, which
	// will be reflected as an update in this field once the MariaDBAccount has
	// been reconciled with a new job hash (e.g. the actual DB password is
	// updated in the galera instance).
	if mariaDBAccount.Status.CurrentSecret != "" {
		instance.Status.RootDatabaseSecret = mariaDBAccount.Status.CurrentSecret
	} else if instance.Status.RootDatabaseSecret == "" {
		// if we dont have any Status.RootDatabaseSecret at all, then use the
		// new secret we just got. assume this is prior to bootstrap
		instance.Status.RootDatabaseSecret = rootSecret.Name
	}
	// otherwise if mariaDBAccount.Status.CurrentSecret == "" and
	// instance.Status.RootDatabaseSecret != "", this means we've already
	// assigned rootSecret.Name to instance.Status.RootDatabaseSecret up front.
	// if rootSecret.name is now different from what it was originally, that
	// means the mariadbaccount was updated, and we assume is in the process
	// of updating the root PW.   if mariaDBAccount.Status.CurrentSecret is blank
	// while this is happening, this pretty much means a test suite is changing
	// the root pw on a brand new galera that hasn't had a chance to set up
	// CurrentSecret in the first place, so just wait for that.

	instance.Status.Conditions.MarkTrue(
		mariadbv1.MariaDBAccountReadyCondition,
		mariadbv1.MariaDBSystemAccountReadyMessage, "root")

	instance.Status.Conditions.MarkTrue(
		condition.InputReadyCondition,
		condition.InputReadyMessage)

	//
	// TLS input validation
	//
	// Validate the CA cert secret if provided
	if instance.Spec.TLS.CaBundleSecretName != "" {
		hash, err := tls.ValidateCACertSecret(
			ctx,
			helper.GetClient(),
			types.NamespacedName{
				Name:      instance.Spec.TLS.CaBundleSecretName,
				Namespace: instance.Namespace,
			},
		)
		if err != nil {
			if k8s_errors.IsNotFound(err) {
				// Since the CA bundle secret should have been manually created by the user and provided in the spec,
				// we treat this as a warning because it means that the service will not be able to start.
				instance.Status.Conditions.Set(condition.FalseCondition(
					condition.TLSInputReadyCondition,
					condition.ErrorReason,
					condition.SeverityWarning,
					condition.TLSInputReadyWaitingMessage, instance.Spec.TLS.CaBundleSecretName))
				return ctrl.Result{}, nil
			}
			instance.Status.Conditions.Set(condition.FalseCondition(
				condition.TLSInputReadyCondition,
				condition.ErrorReason,
				condition.SeverityWarning,
				condition.TLSInputErrorMessage,
				err.Error()))
			return ctrl.Result{}, err
		}

		if hash != "" {
			inputHashEnv["CA"] = env.SetValue(hash)
		}
	}

	// Validate service cert secret
	if instance.Spec.TLS.Enabled() {
		hash, err := instance.Spec.TLS.ValidateCertSecret(ctx, helper, instance.Namespace)
		if err != nil {
			if k8s_errors.IsNotFound(err) {
				instance.Status.Conditions.Set(condition.FalseCondition(
					condition.TLSInputReadyCondition,
					condition.RequestedReason,
					condition.SeverityInfo,
					condition.TLSInputReadyWaitingMessage, err.Error()))
				return ctrl.Result{}, nil
			}
			instance.Status.Conditions.Set(condition.FalseCondition(
				condition.TLSInputReadyCondition,
				condition.ErrorReason,
				condition.SeverityWarning,
				condition.TLSInputErrorMessage,
				err.Error()))
			return ctrl.Result{}, err
		}
		inputHashEnv["Cert"] = env.SetValue(hash)
	}
	// all cert input checks out so report InputReady
	instance.Status.Conditions.MarkTrue(condition.TLSInputReadyCondition, condition.InputReadyMessage)

	// Generate and hash config maps
	err = r.generateConfigMaps(ctx, helper, instance, &inputHashEnv)
	if err != nil {
		instance.Status.Conditions.Set(condition.FalseCondition(
			condition.ServiceConfigReadyCondition,
			condition.ErrorReason,
			condition.SeverityWarning,
			condition.ServiceConfigReadyErrorMessage,
			err.Error()))
		return ctrl.Result{}, fmt.Errorf("error calculating configmap hash: %w", err)
	}
	instance.Status.Conditions.MarkTrue(condition.ServiceConfigReadyCondition, condition.ServiceConfigReadyMessage)

	// build state of the restart hash. this is used to decide whether the
	// statefulset must stop all its pods before applying a config update
	clusterPropertiesEnv["GCommTLS"] = env.SetValue(strconv.FormatBool(instance.Spec.TLS.Enabled() && instance.Spec.TLS.CaBundleSecretName != ""))
	clusterPropertiesHash, err := util.HashOfInputHashes(clusterPropertiesEnv)
	if err != nil {
		return ctrl.Result{}, err
	}
	inputHashEnv["ClusterProperties"] = env.SetValue(clusterPropertiesHash)

	//
	// create hash over all the different input resources to identify if has changed
	// and a restart/recreate is required.
	//
	hashOfHashes, err := util.HashOfInputHashes(inputHashEnv)
	if err != nil {
		return ctrl.Result{}, err
	}

	// Update ClusterProperties here, as from this point we are sure we can update
	// both `ClusterProperties` and `StopRequired` in this reconcile loop.
	instance.Status.ClusterProperties = make(map[string]string)
	for k, s := range clusterPropertiesEnv {
		var envVar corev1.EnvVar
		s(&envVar)
		instance.Status.ClusterProperties[k] = envVar.Value
	}

	// check whether we need to stop the cluster after a cluster-wide change
	if oldPropertiesHash, exists := instance.Status.Hash["ClusterProperties"]; exists {
		if oldPropertiesHash != clusterPropertiesHash {
			util.LogForObject(helper, fmt.Sprintf("ClusterProperties changed (%#v -> %#v), cluster restart required", oldPropertiesHash, clusterPropertiesHash), instance)
			instance.Status.StopRequired = true
			// Do not return here, let the return happen after the other
			// config hashes get updated due to this hash change
		}
	}

	if hashMap, changed := util.SetHash(instance.Status.Hash, common.InputHashName, hashOfHashes); changed {
		// Hash changed and instance status should be updated (which will be done by main defer func),
		// so update all the input hashes and return to reconcile again
		instance.Status.Hash = hashMap
		for k, s := range inputHashEnv {
			var envVar corev1.EnvVar
			s(&envVar)
			instance.Status.Hash[k] = envVar.Value
		}
		util.LogForObject(helper, fmt.Sprintf("Input hash changed %s", hashOfHashes), instance)
		return ctrl.Result{}, nil
	}

	//
	// Handle Topology
	//
	serviceLabels := mariadb.StatefulSetLabels(instance)
	topology, err := topologyv1.EnsureServiceTopology(
		ctx,
		helper,
		instance.Spec.TopologyRef,
		instance.Status.LastAppliedTopology,
		instance.Name,
		labels.GetLabelSelector(serviceLabels),
	)
	if err != nil {
		instance.Status.Conditions.Set(condition.FalseCondition(
			condition.TopologyReadyCondition,
			condition.ErrorReason,
			condition.SeverityWarning,
			condition.TopologyReadyErrorMessage,
			err.Error()))
		return ctrl.Result{}, fmt.Errorf("waiting for Topology requirements: %w", err)
	}

	// If TopologyRef is present and ensureGlanceAPITopology returned a valid
	// topology object, set .Status.LastAppliedTopology to the referenced one
	// and mark the condition as true
	if instance.Spec.TopologyRef != nil {
		// update the Status with the last retrieved Topology name
		instance.Status.LastAppliedTopology = instance.Spec.TopologyRef
		// update the TopologyRef associated condition
		instance.Status.Conditions.MarkTrue(condition.TopologyReadyCondition, condition.TopologyReadyMessage)
	} else {
		// remove LastAppliedTopology from the .Status
		instance.Status.LastAppliedTopology = nil
	}

	stsSpec, err := mariadb.StatefulSet(instance, hashOfHashes, topology)
	// an error is detected while creating the StatefulSet spec
	if err != nil {
		return ctrl.Result{}, err
	}
	commonstatefulset := commonstatefulset.NewStatefulSet(stsSpec, 5)
	sfres, sferr := commonstatefulset.CreateOrPatch(ctx, helper)
	if sferr != nil {
		if k8s_errors.IsNotFound(sferr) {
			return ctrl.Result{RequeueAfter: time.Duration(3) * time.Second}, nil
		}
		return sfres, sferr
	}

	statefulset := commonstatefulset.GetStatefulSet()

	// If a full cluster restart was requested,
	// check whether it is still in progress
	if instance.Status.StopRequired && statefulset.Status.Replicas == 0 {
		util.LogForObject(helper, "Full cluster restart finished, config update can now proceed", instance)
		instance.Status.StopRequired = false
		// return now to force the next reconcile to reconfigure
		// the statefulset to recreate the pods
		return ctrl.Result{}, nil
	}

	// Retrieve pods managed by the associated statefulset
	podList := &corev1.PodList{}
	listOpts := []client.ListOption{
		client.InNamespace(instance.Namespace),
		client.MatchingLabels(mariadb.StatefulSetLabels(instance)),
	}
	if err = r.List(ctx, podList, listOpts...); err != nil {
		log.Error(err, "Failed to list pods")
		return ctrl.Result{}, err
	}

	// NOTE: Pre-push behaviour ONLY
	// If we're doing a rolling update to the new way of probing galera,
	// there might still be old pods whose probing must be managed by the operator.
	// keep track of those pods for later
	oldPods := getPodsNotUsingNewReportScript(podList.Items)
	oldWaitingPods := getWaitingPodsMissingAttributes(ctx, oldPods, instance, helper, r.config)
	//
	// Reconstruct the state of the galera resource based on the replicaset and its pods
	//

	// Ensure status is cleaned up in case of scale down
	if *statefulset.Spec.Replicas < statefulset.Status.Replicas {
		clearOldPodsAttributesOnScaleDown(ctx, instance)
	}

	// Note:
	//   . A pod is available in the statefulset if the pod's readiness
	//     probe returns true (i.e. galera is running in the pod and clustered)
	//   . Cluster is bootstrapped as soon as one pod is available
	instance.Status.Bootstrapped = statefulset.Status.AvailableReplicas > 0

	// Clear transient in-memory bootstrap tracker now that a pod is available
	if instance.Status.Bootstrapped {
		r.clearBootstrapState(instance)
	}

	if instance.Status.Bootstrapped {
		// Sync Ready condition
		instance.Status.Conditions.MarkTrue(condition.DeploymentReadyCondition, condition.DeploymentReadyMessage)

		// All pods that are 'Ready' have their local galera running and connected.
		// We can clear their attributes from our status as these are now outdated.
		readyPods := getReadyPods(podList.Items)
		for _, pod := range readyPods {
			name := pod.Name
			if _, found := instance.Status.Attributes[name]; found {
				log.Info("Galera started", "pod", name)
				clearPodAttributes(ctx, instance, name)
			}
		}

		// The remaining pods will become joiner nodes. Wait until they have
		// reported their status to the operator, and then configure them
		// as joiners.
		// Only push joiner gcomm if there are actually Ready pods to
		// join. If AvailableReplicas is stale (which persists for a long
		// time due to the startup probe timeout, 240s by default) and no
		// pods are truly Ready, pushing a joiner gcomm would cause the
		// pod to start mysqld against dead peers, wasting a restart cycle.
		if len(readyPods) == 0 {
			log.Info("Bootstrapped flag is set but no pods are Ready, skipping joiner push")
		}
		runningPods := getPodsWaitingForGcomm(ctx, podList.Items, instance, helper, r.config)
		for _, pod := range runningPods {
			if len(readyPods) == 0 {
				break
			}
			name := pod.Name
			joinerURI := buildGcommURI(instance)
			log.Info("Pushing gcomm URI to joiner", "pod", name)
			err := injectGcommURI(ctx, helper, r.config, instance, &pod, joinerURI)
			if err != nil {
				log.Error(err, "Failed to push gcomm URI", "pod", name)
				// Force an error here to retry this reconcile, and try
				// another injection (see details in injectGcommURI())
				return ctrl.Result{}, err
			}
		}
	}

	// If the cluster is not running, wait until pods advertise their state
	// in the Galera CR, and determine which node to bootstrap from
	// Note:
	//   . a pod whose phase is Running but who is not Ready hasn't started
	//     galera, it is waiting for the operator's instructions.
	if !instance.Status.Bootstrapped {
		r.reconstructBootstrapState(ctx, instance, podList.Items, helper, r.config)
	}

	if !instance.Status.Bootstrapped && !r.isBootstrapInProgress(instance, podList.Items) {
		var node string
		found := false

		// NOTE: Pre-push behaviour ONLY
		// If old pods are still running, the operator must probe their status.
		if len(oldWaitingPods) > 0 {
			retrieveAttributesForPods(ctx, oldWaitingPods, instance, helper, r.config)
		}

		// Check if we have enough info to bootstrap the cluster now
		// (either one of the node reported itself as `safe_to_bootstrap`
		// or all the nodes have reported their state and we'll determine one candidate)
		if int(*instance.Spec.Replicas) > 0 {
			node, found = findBestCandidate(instance, podList.Items, log)
		}
		if found {
			pod := getPodFromName(podList.Items, node)
			log.Info("Pushing gcomm URI to bootstrap", "pod", node)
			err := injectGcommURI(ctx, helper, r.config, instance, pod, "gcomm://")
			if err != nil {
				log.Error(err, "Failed to push gcomm URI", "pod", node)
				// Force an error here to retry this reconcile, and try
				// another injection (see details in injectGcommURI())
				return ctrl.Result{}, err
			}
			_, cid := getGaleraContainerID(pod)
			r.setBootstrapInProgress(instance, pod.Name, cid)
		}
	}

	// Stop here if we don't have all galera pods running yet. Another
	// reconciliation will be triggered if either:
	//   - a pod (re)starts and push its local state to the galera CR
	//   - A pod becomes ready, which bumps the AvailableReplicas in the StatefulSet
	if statefulset.Status.AvailableReplicas != statefulset.Status.Replicas {
		// NOTE: Pre-push behaviour ONLY
		// If old pods are still running, requeue until all pods are available
		if len(oldPods) > 0 {
			log.Info("Requeuing until all replicas are available")
			return ctrl.Result{RequeueAfter: time.Duration(3) * time.Second}, nil
		}
		// Requeue periodically during bootstrap recovery. After a
		// joiner gcomm is pushed to a pod that starts and fails
		// mysqld, the pod restart may not generate an event that
		// triggers a new reconcile. Without requeue the operator
		// would stop retrying.
		if !instance.Status.Bootstrapped {
			return ctrl.Result{RequeueAfter: 10 * time.Second}, nil
		}
		return ctrl.Result{}, nil
	}

	// We reached the end of the Reconcile, update the Ready condition based on
	// the sub conditions
	if instance.Status.Conditions.AllSubConditionIsTrue() {
		instance.Status.Conditions.MarkTrue(
			condition.ReadyCondition, condition.ReadyMessage)
	}
	return ctrl.Result{}, err
}

// configMapNameForScripts - name of the configmap that holds the
// used by the statefulset associated to a galera CR
func configMapNameForScripts(instance *mariadbv1.Galera) string {
	return fmt.Sprintf("%s-scripts", instance.Name)
}

// configMapNameForConfig - name of the configmap that holds configuration
// files injected into pods associated to a galera CR
func configMapNameForConfig(instance *mariadbv1.Galera) string {
	return fmt.Sprintf("%s-config-data", instance.Name)
}

// generateConfigMaps returns the config map resource for a galera instance
func (r *GaleraReconciler) generateConfigMaps(
	ctx context.Context,
	h *helper.Helper,
	instance *mariadbv1.Galera,
	envVars *map[string]env.Setter,
) error {
	log := GetLog(ctx, "galera")
	templateParameters := map[string]any{
		"logToDisk":          instance.Spec.LogToDisk,
		"galeraInstanceName": instance.Name,
	}
	customData := make(map[string]string)
	customData[mariadbv1.CustomServiceConfigFile] = instance.Spec.CustomServiceConfig

	cms := []util.Template{
		// ScriptsConfigMap
		{
			Name:          configMapNameForScripts(instance),
			Namespace:     instance.Namespace,
			Type:          util.TemplateTypeScripts,
			InstanceType:  instance.Kind,
			Labels:        map[string]string{},
			ConfigOptions: templateParameters,
		},
		// ConfigMap
		{
			Name:          configMapNameForConfig(instance),
			Namespace:     instance.Namespace,
			Type:          util.TemplateTypeConfig,
			InstanceType:  instance.Kind,
			CustomData:    customData,
			ConfigOptions: templateParameters,
			Labels:        map[string]string{},
		},
	}

	err := configmap.EnsureConfigMaps(ctx, h, instance, cms, envVars)
	if err != nil {
		log.Error(err, "Unable to retrieve or create config maps")
		return err
	}

	return nil
}

// SetupWithManager sets up the controller with the Manager.
func (r *GaleraReconciler) SetupWithManager(mgr ctrl.Manager) error {
	r.config = mgr.GetConfig()

	// Various CR fields need to be indexed to filter watch events
	// for the secret changes we want to be notified of
	// index caBundleSecretName
	if err := mgr.GetFieldIndexer().IndexField(context.Background(), &mariadbv1.Galera{}, caSecretNameField, func(rawObj client.Object) []string {
		// Extract the secret name from the spec, if one is provided
		cr := rawObj.(*mariadbv1.Galera)
		tls := &cr.Spec.TLS
		if tls.CaBundleSecretName != "" {
			return []string{tls.CaBundleSecretName}
		}
		return nil
	}); err != nil {
		return err
	}
	// index secretName
	if err := mgr.GetFieldIndexer().IndexField(context.Background(), &mariadbv1.Galera{}, serviceSecretNameField, func(rawObj client.Object) []string {
		// Extract the secret name from the spec, if one is provided
		cr := rawObj.(*mariadbv1.Galera)
		tls := &cr.Spec.TLS
		if tls.Enabled() {
			return []string{*tls.SecretName}
		}
		return nil
	}); err != nil {
		return err
	}

	// index topologyField
	if err := mgr.GetFieldIndexer().IndexField(context.Background(), &mariadbv1.Galera{}, topologyField, func(rawObj client.Object) []string {
		// Extract the topology name from the spec, if one is provided
		cr := rawObj.(*mariadbv1.Galera)
		if cr.Spec.TopologyRef == nil {
			return nil
		}
		return []string{cr.Spec.TopologyRef.Name}
	}); err != nil {
		return err
	}

	return ctrl.NewControllerManagedBy(mgr).
		For(&mariadbv1.Galera{}).
		Owns(&appsv1.StatefulSet{}).
		Owns(&corev1.Service{}).
		Owns(&corev1.ConfigMap{}).
		Owns(&policyv1.PodDisruptionBudget{}).
		Owns(&corev1.ServiceAccount{}).
		Owns(&rbacv1.Role{}).
		Owns(&rbacv1.RoleBinding{}).
		Watches(
			&corev1.Secret{},
			handler.EnqueueRequestsFromMapFunc(r.findObjectsForSrc),
			builder.WithPredicates(predicate.ResourceVersionChangedPredicate{}),
		).
		Watches(&topologyv1.Topology{},
			handler.EnqueueRequestsFromMapFunc(r.findObjectsForSrc),
			builder.WithPredicates(predicate.GenerationChangedPredicate{})).
		Watches(
			&mariadbv1.MariaDBAccount{},
			handler.EnqueueRequestsFromMapFunc(r.findGaleraForMariaDBAccount),
			builder.WithPredicates(predicate.ResourceVersionChangedPredicate{}),
		).
		Complete(r)
}

// GetDatabaseObject - returns a Galera object.
// used by both MariaDBDatabaseReconciler and MariaDBAccountReconciler
func GetDatabaseObject(ctx context.Context, clientObj client.Client, name string, namespace string) (*mariadbv1.Galera, error) {
	dbGalera := &mariadbv1.Galera{
		ObjectMeta: metav1.ObjectMeta{
			Name:      name,
			Namespace: namespace,
		},
	}

	objectKey := client.ObjectKeyFromObject(dbGalera)

	err := clientObj.Get(ctx, objectKey, dbGalera)
	if err != nil {
		return nil, err
	}

	return dbGalera, err
}

// findObjectsForSrc - returns a reconcile request if the object is referenced by a Galera CR
func (r *GaleraReconciler) findObjectsForSrc(ctx context.Context, src client.Object) []reconcile.Request {
	requests := []reconcile.Request{}

	l := log.FromContext(context.Background()).WithName("Controllers").WithName("Galera")

	for _, field := range allWatchFields {
		crList := &mariadbv1.GaleraList{}
		listOps := &client.ListOptions{
			FieldSelector: fields.OneTermEqualSelector(field, src.GetName()),
			Namespace:     src.GetNamespace(),
		}
		err := r.List(ctx, crList, listOps)
		if err != nil {
			l.Error(err, fmt.Sprintf("listing %s for field: %s - %s", crList.GroupVersionKind().Kind, field, src.GetNamespace()))
			return requests
		}

		for _, item := range crList.Items {
			l.Info(fmt.Sprintf("input source %s changed, reconcile: %s - %s", src.GetName(), item.GetName(), item.GetNamespace()))

			requests = append(requests,
				reconcile.Request{
					NamespacedName: types.NamespacedName{
						Name:      item.GetName(),
						Namespace: item.GetNamespace(),
					},
				},
			)
		}
	}

	return requests
}

// findGaleraForMariaDBAccount - returns reconcile requests for Galera instances
// that should reconcile when a MariaDBAccount changes
func (r *GaleraReconciler) findGaleraForMariaDBAccount(ctx context.Context, account client.Object) []reconcile.Request {
	requests := []reconcile.Request{}

	mariadbAccount := account.(*mariadbv1.MariaDBAccount)

	// Only reconcile for system accounts, as these are used by Galera for root credentials
	if !mariadbAccount.IsSystemAccount() {
		return requests
	}

	// List all Galera instances in the same namespace
	galeraList := &mariadbv1.GaleraList{}
	if err := r.List(ctx, galeraList, client.InNamespace(mariadbAccount.Namespace)); err != nil {
		log.FromContext(ctx).Error(err, "Unable to list Galera instances for MariaDBAccount", "account", mariadbAccount.Name)
		return requests
	}

	// Find Galera instances that use this MariaDBAccount
	for _, galera := range galeraList.Items {
		// Check if this Galera uses this MariaDBAccount for root credentials
		rootAccountName := r.getRootMariadbAccountName(&galera)
		if rootAccountName == mariadbAccount.Name {
			requests = append(requests, reconcile.Request{
				NamespacedName: types.NamespacedName{
					Name:      galera.Name,
					Namespace: galera.Namespace,
				},
			})
			log.FromContext(ctx).Info("MariaDBAccount changed, triggering Galera reconcile",
				"account", mariadbAccount.Name,
				"galera", galera.Name)
		}
	}

	return requests
}

func (r *GaleraReconciler) getRootMariadbAccountName(instance *mariadbv1.Galera) string {
	databaseAccountName := instance.Spec.RootDatabaseAccount
	if databaseAccountName == "" {
		databaseAccountName = instance.Name + "-mariadb-root"
	}
	return databaseAccountName
}

func (r *GaleraReconciler) reconcileDelete(ctx context.Context, instance *mariadbv1.Galera, helper *helper.Helper) (ctrl.Result, error) {
	helper.GetLogger().Info("Reconciling Service delete")

	r.clearBootstrapState(instance)

	// Remove our finalizer from the db svc
	svc, err := service.GetServiceWithName(ctx, helper, instance.Name, instance.Namespace)
	if err != nil && !k8s_errors.IsNotFound(err) {
		return ctrl.Result{}, err
	}

	if !k8s_errors.IsNotFound(err) && svc != nil {
		if controllerutil.RemoveFinalizer(svc, helper.GetFinalizer()) {
			err := r.Update(ctx, svc)
			if err != nil {
				return ctrl.Result{}, err
			}
		}
	}
	// Remove finalizer on the Topology CR
	if ctrlResult, err := topologyv1.EnsureDeletedTopologyRef(
		ctx,
		helper,
		instance.Status.LastAppliedTopology,
		instance.Name,
	); err != nil {
		return ctrlResult, err
	}

	// remove finalizer from the system mariadbaccount and associated secret
	err = mariadbv1.DeleteAccountFinalizers(
		ctx, helper, r.getRootMariadbAccountName(instance), instance.Namespace)
	if err != nil {
		return ctrl.Result{}, err
	}

	// Service is deleted so remove the finalizer.
	controllerutil.RemoveFinalizer(instance, helper.GetFinalizer())
	helper.GetLogger().Info("Reconciled Service delete successfully")

	return ctrl.Result{}, nil
}
