"""Helper functions for restore operations."""

import signal
import sys
import time
from typing import Any
from kubernetes import client
from kubernetes.client.exceptions import ApiException

from common.pod_monitor import PodMonitor
from kbb.utils import load_kube_client


def create_clone_pvc(
    namespace: str,
    snapshot_name: str,
    clone_pvc_name: str,
    storage_class: str,
    size: str | None = None
) -> dict[str, Any]:
    """Create clone PVC from VolumeSnapshot.

    Args:
        namespace: Kubernetes namespace
        snapshot_name: Source VolumeSnapshot name
        clone_pvc_name: Name for new clone PVC
        storage_class: Storage class for clone PVC
        size: Optional size override (defaults to snapshot size)

    Returns:
        Dict with:
            - name: Clone PVC name
            - binding_mode: Storage class binding mode ('Immediate' or 'WaitForFirstConsumer')
            - status: Initial PVC status

    Raises:
        Exception: If PVC creation fails
    """
    v1, custom_api = load_kube_client()

    # Get storage class to check binding mode
    try:
        storage_v1 = client.StorageV1Api()
        sc = storage_v1.read_storage_class(storage_class)
        binding_mode = sc.volume_binding_mode  # 'Immediate' or 'WaitForFirstConsumer'
    except client.exceptions.ApiException as e:
        print(f"Error reading storage class '{storage_class}': {e}", file=sys.stderr, flush=True)
        raise

    # Get snapshot to extract size if not provided
    if not size:
        try:
            snapshot = custom_api.get_namespaced_custom_object(
                group="snapshot.storage.k8s.io",
                version="v1",
                namespace=namespace,
                plural="volumesnapshots",
                name=snapshot_name
            )
        except client.exceptions.ApiException as e:
            print(f"Error reading VolumeSnapshot '{snapshot_name}': {e}", file=sys.stderr, flush=True)
            raise

        # Extract size from snapshot status
        size = snapshot.get('status', {}).get('restoreSize')
        if not size:
            raise ValueError(
                f"Could not determine size from VolumeSnapshot '{snapshot_name}'. "
                f"Please provide size parameter explicitly."
            )

    # Create PVC with snapshot as dataSource
    pvc = client.V1PersistentVolumeClaim(
        metadata=client.V1ObjectMeta(name=clone_pvc_name, namespace=namespace),
        spec=client.V1PersistentVolumeClaimSpec(
            access_modes=["ReadWriteOnce"],
            resources=client.V1ResourceRequirements(
                requests={"storage": size}
            ),
            storage_class_name=storage_class,
            data_source=client.V1TypedLocalObjectReference(
                api_group="snapshot.storage.k8s.io",
                kind="VolumeSnapshot",
                name=snapshot_name
            )
        )
    )

    try:
        created_pvc = v1.create_namespaced_persistent_volume_claim(namespace, pvc)
    except client.exceptions.ApiException as e:
        print(f"Error creating clone PVC '{clone_pvc_name}': {e}", file=sys.stderr, flush=True)
        raise

    return {
        "name": clone_pvc_name,
        "binding_mode": binding_mode,
        "status": created_pvc.status.phase
    }


def spawn_rsync_pod(
    namespace: str,
    source_pvc_name: str,
    target_pvc_name: str,
    image_repository: str,
    image_tag: str,
    pod_name: str | None = None
) -> dict[str, Any]:
    """Spawn rsync pod to copy data from source PVC to target PVC.

    Creates an ephemeral pod using backup-runner image that:
    1. Mounts source PVC read-only at /source
    2. Mounts target PVC read-write at /target
    3. Runs rsync --delete to sync data (overrides Dockerfile CMD)
    4. Self-terminates on completion

    Waits indefinitely for pod completion (no timeout).
    Streams logs in real-time using Kubernetes watch API.

    Args:
        namespace: Kubernetes namespace
        source_pvc_name: Source PVC name (clone from snapshot)
        target_pvc_name: Target PVC name (destination)
        image_repository: Container image repository (REQUIRED - should be backup-runner)
        image_tag: Container image tag (REQUIRED)
        pod_name: Optional pod name (auto-generated if not provided)

    Returns:
        Dict with:
            - success: bool
            - pod_name: Pod name used

    Raises:
        Exception: If pod fails
    """
    v1, _ = load_kube_client()

    # Generate pod name if not provided
    if not pod_name:
        pod_name = f"rsync-{int(time.time())}"

    # Create pod spec with privileged mode to bypass filesystem permissions
    # (clone PVCs may have restrictive ownership like postgres 70:70 with mode 0700)
    pod = client.V1Pod(
        metadata=client.V1ObjectMeta(
            name=pod_name,
            namespace=namespace,
            labels={"app": "kube-borg-backup", "operation": "rsync"}
        ),
        spec=client.V1PodSpec(
            containers=[
                client.V1Container(
                    name="rsync",
                    image=f"{image_repository}:{image_tag}",
                    # Override Dockerfile CMD (default is backup.py) with rsync command
                    # Flags: -a (archive), -H (hard-links), -A (ACLs), -X (xattrs), -x (one-fs),
                    #        -v (verbose), --numeric-ids (preserve UIDs/GIDs), --delete (remove extras),
                    #        --sparse (efficient sparse files), --inplace (update files directly)
                    command=["/bin/sh", "-c"],
                    args=["rsync -aHAXxv --numeric-ids --delete --sparse --inplace /source/ /target/"],
                    volume_mounts=[
                        client.V1VolumeMount(name="source", mount_path="/source", read_only=True),
                        client.V1VolumeMount(name="target", mount_path="/target")
                    ],
                    security_context=client.V1SecurityContext(privileged=True)
                )
            ],
            volumes=[
                client.V1Volume(
                    name="source",
                    persistent_volume_claim=client.V1PersistentVolumeClaimVolumeSource(
                        claim_name=source_pvc_name,
                        read_only=True
                    )
                ),
                client.V1Volume(
                    name="target",
                    persistent_volume_claim=client.V1PersistentVolumeClaimVolumeSource(
                        claim_name=target_pvc_name
                    )
                )
            ],
            restart_policy="Never"
        )
    )

    # Create pod
    try:
        v1.create_namespaced_pod(namespace, pod)
        print(f"Rsync pod '{pod_name}' created", flush=True)
    except ApiException as e:
        print(f"Error creating rsync pod '{pod_name}': {e}", file=sys.stderr, flush=True)
        raise

    print("⏳ Waiting for rsync pod to complete...", flush=True)

    # Setup signal handling for graceful cleanup
    def handle_signal_rsync(signum, frame):
        """Handle termination signals - cleanup rsync pod."""
        print("\nStopping rsync, cleaning up pod (up to 30s)...", file=sys.stderr, flush=True)
        _cleanup_rsync_with_grace_period(v1, namespace, pod_name)
        sys.exit(143)  # 128 + 15 (SIGTERM)

    # Register signal handlers
    signal.signal(signal.SIGTERM, handle_signal_rsync)
    signal.signal(signal.SIGINT, handle_signal_rsync)
    signal.signal(signal.SIGHUP, handle_signal_rsync)

    # Start monitoring (events + logs in background threads)
    monitor = PodMonitor(v1, pod_name, namespace)
    monitor.start()

    # Monitor pod status (no timeout - wait indefinitely)
    while True:
        try:
            pod_status = v1.read_namespaced_pod_status(pod_name, namespace)
            phase = pod_status.status.phase

            if phase == "Succeeded":
                # Stop monitoring
                monitor.stop()

                print("✅ Rsync pod completed successfully", flush=True)

                # Cleanup pod
                try:
                    v1.delete_namespaced_pod(pod_name, namespace)
                except ApiException:
                    pass  # Ignore deletion errors

                return {"success": True, "pod_name": pod_name}

            elif phase == "Failed":
                # Stop monitoring
                monitor.stop()

                # Get logs for error context
                try:
                    logs = v1.read_namespaced_pod_log(pod_name, namespace)
                except ApiException:
                    logs = "Could not retrieve pod logs"

                # Cleanup pod
                try:
                    v1.delete_namespaced_pod(pod_name, namespace)
                except ApiException:
                    pass  # Ignore deletion errors

                raise Exception(f"Rsync pod '{pod_name}' failed:\n{logs}")

        except ApiException as e:
            monitor.stop()
            print(f"⚠️  Error checking pod status: {e}", file=sys.stderr, flush=True)
            raise

        time.sleep(5)


def _cleanup_rsync_with_grace_period(v1: client.CoreV1Api, namespace: str, pod_name: str) -> None:
    """Cleanup rsync pod with 30s grace period, force delete if needed.

    Polls for pod deletion (404 from API) which is the only reliable signal
    that Kubernetes has fully removed the pod object.

    Args:
        v1: CoreV1Api client
        namespace: Kubernetes namespace
        pod_name: Pod name to delete
    """
    # Delete pod with default grace period (30s in Kubernetes)
    try:
        print(f"Deleting rsync pod '{pod_name}'...", file=sys.stderr, flush=True)
        v1.delete_namespaced_pod(pod_name, namespace)
    except Exception as e:
        print(f"Warning: Failed to delete pod: {e}", file=sys.stderr, flush=True)
        return

    # Wait up to 30 seconds for pod to terminate (poll for 404)
    start_time = time.time()
    pod_terminated = False

    while time.time() - start_time < 30:
        try:
            v1.read_namespaced_pod_status(pod_name, namespace)
            # Pod still exists in API - keep waiting
        except client.exceptions.ApiException as e:
            if e.status == 404:
                # Pod fully deleted from API - SUCCESS
                pod_terminated = True
                elapsed = int(time.time() - start_time)
                print(f"Rsync pod terminated gracefully after {elapsed}s", file=sys.stderr, flush=True)
                break
            # Other API error - log and retry
            print(f"Warning: API error checking pod status: {e}", file=sys.stderr, flush=True)

        time.sleep(1)

    # Force delete if pod didn't terminate
    if not pod_terminated:
        try:
            print("Warning: Rsync pod did not terminate after 30s, force deleting...", file=sys.stderr, flush=True)
            v1.delete_namespaced_pod(
                pod_name,
                namespace,
                grace_period_seconds=0,
                propagation_policy='Background'
            )
            print(f"Warning: Rsync pod force deleted. Check for stale resources in namespace {namespace}",
                  file=sys.stderr, flush=True)
        except Exception as e:
            print(f"Warning: Force delete failed: {e}", file=sys.stderr, flush=True)
