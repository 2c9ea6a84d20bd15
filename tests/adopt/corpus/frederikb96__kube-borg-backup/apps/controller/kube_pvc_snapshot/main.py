"""Create and prune PVC snapshots using the Kubernetes API.

The script expects a YAML config mounted at /config/config.yaml with the
following structure::

    snapshots:
      schedule: "0 */4 * * *"
      retention:
        hourly: 24
        daily: 7
        weekly: 4
        monthly: 3
      pvcs:
        - name: postgres-data
          snapshotClass: longhorn
          hooks:
            pre:
              - pod: postgres-0
                container: postgres  # optional
                command: ["psql", "-c", "SELECT pg_backup_start()"]
            post:
              - pod: postgres-0
                command: ["psql", "-c", "SELECT pg_backup_stop()"]

It executes pre-hooks sequentially, creates snapshots in parallel, then runs
post-hooks. Post-hooks ALWAYS run (even on failure) and also run on SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import concurrent.futures
from datetime import datetime, UTC
from pathlib import Path
from typing import Any

import yaml
from kubernetes import client, config as k8s_config
from kubernetes.client.rest import ApiException
from kubernetes.config.config_exception import ConfigException

from common.hooks import execute_hooks
from common.k8s_retry import k8s_api_retry

GROUP = "snapshot.storage.k8s.io"
VERSION = "v1"
PLURAL = "volumesnapshots"

# Global state for signal handler
_config: dict[str, Any] | None = None
_namespace: str | None = None
_api_client: client.ApiClient | None = None


def parse_args() -> argparse.Namespace:
    """Parse command-line arguments."""
    parser = argparse.ArgumentParser(description="PVC snapshot helper")
    parser.add_argument("-c", "--config", help="Path to config file")
    parser.add_argument(
        "--test", action="store_true",
        help="Test mode: 5sec delay before snapshots"
    )
    return parser.parse_args()


def resolve_config_path(cli_path: str | None) -> Path:
    """Resolve the config file path from CLI, env, or default."""
    if cli_path:
        return Path(cli_path)
    env_path = os.getenv("APP_CONFIG")
    if env_path:
        return Path(env_path)
    return Path("/config/config.yaml")


def load_config(cli_path: str | None) -> dict[str, Any]:
    """Load and validate configuration from YAML file."""
    path = resolve_config_path(cli_path)
    try:
        with path.open("r", encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError:
        print(f"❌ Config file not found: {path}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        print(f"❌ Failed to read config {path}: {exc}", file=sys.stderr)
        sys.exit(2)
    if not isinstance(data, dict):
        print("❌ Config root must be a mapping", file=sys.stderr)
        sys.exit(2)
    return data


def init_clients() -> tuple[client.CustomObjectsApi, client.ApiClient]:
    """Initialize Kubernetes API clients."""
    try:
        k8s_config.load_incluster_config()
    except ConfigException:
        try:
            k8s_config.load_kube_config()
        except Exception as exc:
            print(f"❌ Failed to load kubeconfig: {exc}", file=sys.stderr)
            sys.exit(3)
    return client.CustomObjectsApi(), client.ApiClient()


def transform_hooks_to_common_format(hooks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Transform controller hook format to common hooks library format.

    Controller format:
        {'pod': 'postgres-0', 'container': 'postgres', 'command': [...]}

    Common library format:
        {'type': 'exec', 'pod': 'postgres-0', 'container': 'postgres', 'command': [...]}

    Args:
        hooks: List of hooks in controller format

    Returns:
        List of hooks in common library format (with 'type': 'exec' added)
    """
    transformed = []
    for hook in hooks:
        # Add 'type': 'exec' to each hook for common library
        transformed_hook = {'type': 'exec', **hook}
        transformed.append(transformed_hook)
    return transformed


def create_snapshot(
    api: client.CustomObjectsApi,
    pvc_name: str,
    snapshot_class: str,
    namespace: str
) -> str:
    """Create a VolumeSnapshot for a PVC.

    Returns:
        Snapshot name
    """
    ts = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    snap_name = f"{pvc_name}-snap-{ts}"

    body = {
        "apiVersion": f"{GROUP}/{VERSION}",
        "kind": "VolumeSnapshot",
        "metadata": {
            "name": snap_name,
            "namespace": namespace,
            "labels": {"pvc": pvc_name, "managed-by": "kube-borg-backup"}
        },
        "spec": {
            "volumeSnapshotClassName": snapshot_class,
            "source": {"persistentVolumeClaimName": pvc_name},
        },
    }

    k8s_api_retry(
        operation=lambda: api.create_namespaced_custom_object(
            GROUP, VERSION, namespace, PLURAL, body
        ),
        context=f"creating snapshot {snap_name} for PVC {pvc_name}",
        on_conflict=lambda: api.get_namespaced_custom_object(
            GROUP, VERSION, namespace, PLURAL, snap_name
        ),
    )
    return snap_name


def wait_snapshot_ready(
    api: client.CustomObjectsApi,
    name: str,
    namespace: str,
    timeout: int = 60
) -> None:
    """Wait for snapshot to become ready.

    Args:
        api: CustomObjectsApi client
        name: Snapshot name
        namespace: Kubernetes namespace
        timeout: Timeout in seconds

    Raises:
        TimeoutError: If snapshot not ready within timeout
    """
    end = time.time() + timeout
    while time.time() < end:
        snap = api.get_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, name)
        if snap.get("status", {}).get("readyToUse"):
            return
        time.sleep(2)
    raise TimeoutError(f"Snapshot {name} not ready after {timeout}s")


def create_snapshot_for_pvc(
    api: client.CustomObjectsApi,
    pvc_config: dict[str, Any],
    namespace: str
) -> str:
    """Create and wait for snapshot for a single PVC."""
    pvc_name = pvc_config.get("name")
    snapshot_class = pvc_config.get("snapshotClass")

    if not pvc_name or not snapshot_class:
        raise ValueError(f"PVC config missing name or snapshotClass: {pvc_config}")

    print(f"📸 Creating snapshot for PVC: {pvc_name}")
    snap_name = create_snapshot(api, pvc_name, snapshot_class, namespace)
    print(f"⏳ Waiting for snapshot {snap_name} to become ready...")
    wait_snapshot_ready(api, snap_name, namespace)
    print(f"✅ Snapshot {snap_name} ready!")
    return snap_name


def prune_snapshots_tiered(
    api: client.CustomObjectsApi,
    pvc_name: str,
    retention: dict[str, int],
    namespace: str
) -> None:
    """Prune snapshots using tiered retention policy.

    Keeps snapshots according to hourly/daily/weekly/monthly buckets.

    Args:
        api: CustomObjectsApi client
        pvc_name: PVC name to prune snapshots for
        retention: Dict with hourly, daily, weekly, monthly counts
        namespace: Kubernetes namespace
    """
    # Fetch all snapshots for this PVC
    snaps = api.list_namespaced_custom_object(
        GROUP, VERSION, namespace, PLURAL,
        label_selector=f"pvc={pvc_name}"
    )
    items = snaps.get("items", [])

    if not items:
        return

    # Sort by creation time (newest first)
    items.sort(
        key=lambda s: s.get("metadata", {}).get("creationTimestamp", ""),
        reverse=True
    )

    now = datetime.now(UTC)
    preserve_set: set[str] = set()

    # Hourly: Keep 1 per hour for last N hours
    hourly_keep = retention.get("hourly", 0)
    if hourly_keep > 0:
        hourly_buckets: dict[str, str] = {}  # hour -> snapshot name
        for snap in items:
            ts_str = snap.get("metadata", {}).get("creationTimestamp")
            if not ts_str:
                continue
            try:
                created = datetime.fromisoformat(ts_str.replace("Z", "+00:00"))
                if (now - created).total_seconds() > hourly_keep * 3600:
                    continue
                hour_key = created.strftime("%Y-%m-%d-%H")
                if hour_key not in hourly_buckets:
                    hourly_buckets[hour_key] = snap["metadata"]["name"]
            except (ValueError, KeyError):
                continue
        preserve_set.update(hourly_buckets.values())

    # Daily: Keep 1 per day for last N days
    daily_keep = retention.get("daily", 0)
    if daily_keep > 0:
        daily_buckets: dict[str, str] = {}
        for snap in items:
            ts_str = snap.get("metadata", {}).get("creationTimestamp")
            if not ts_str:
                continue
            try:
                created = datetime.fromisoformat(ts_str.replace("Z", "+00:00"))
                if (now - created).days > daily_keep:
                    continue
                day_key = created.strftime("%Y-%m-%d")
                if day_key not in daily_buckets:
                    daily_buckets[day_key] = snap["metadata"]["name"]
            except (ValueError, KeyError):
                continue
        preserve_set.update(daily_buckets.values())

    # Weekly: Keep 1 per week for last N weeks
    weekly_keep = retention.get("weekly", 0)
    if weekly_keep > 0:
        weekly_buckets: dict[str, str] = {}
        for snap in items:
            ts_str = snap.get("metadata", {}).get("creationTimestamp")
            if not ts_str:
                continue
            try:
                created = datetime.fromisoformat(ts_str.replace("Z", "+00:00"))
                if (now - created).days > weekly_keep * 7:
                    continue
                # ISO week: year-week
                week_key = created.strftime("%Y-W%W")
                if week_key not in weekly_buckets:
                    weekly_buckets[week_key] = snap["metadata"]["name"]
            except (ValueError, KeyError):
                continue
        preserve_set.update(weekly_buckets.values())

    # Monthly: Keep 1 per month for last N months
    monthly_keep = retention.get("monthly", 0)
    if monthly_keep > 0:
        monthly_buckets: dict[str, str] = {}
        for snap in items:
            ts_str = snap.get("metadata", {}).get("creationTimestamp")
            if not ts_str:
                continue
            try:
                created = datetime.fromisoformat(ts_str.replace("Z", "+00:00"))
                # Approximate months (30 days)
                if (now - created).days > monthly_keep * 30:
                    continue
                month_key = created.strftime("%Y-%m")
                if month_key not in monthly_buckets:
                    monthly_buckets[month_key] = snap["metadata"]["name"]
            except (ValueError, KeyError):
                continue
        preserve_set.update(monthly_buckets.values())

    # Delete snapshots not in preserve set
    deleted_count = 0
    for snap in items:
        snap_name = snap.get("metadata", {}).get("name")
        if snap_name in preserve_set:
            continue
        try:
            api.delete_namespaced_custom_object(GROUP, VERSION, namespace, PLURAL, snap_name)
            print(f"🗑️  Deleted old snapshot: {snap_name}")
            deleted_count += 1
        except ApiException as exc:
            print(f"⚠️  Failed to delete snapshot {snap_name}: {exc}", file=sys.stderr)

    if deleted_count > 0:
        print(f"✅ Pruned {deleted_count} old snapshot(s) for PVC {pvc_name}")


def cleanup_post_hooks():
    """Signal handler: Always run post-hooks on termination."""
    if _config and _api_client and _namespace:
        print("\n\n🛑 Received SIGTERM - running post-hooks before exit...")
        pvcs = _config.get("snapshots", {}).get("pvcs", [])
        all_post_hooks = []
        for pvc_cfg in pvcs:
            post_hooks = pvc_cfg.get("hooks", {}).get("post", [])
            all_post_hooks.extend(post_hooks)

        if all_post_hooks:
            try:
                # Transform hooks to common library format
                transformed_hooks = transform_hooks_to_common_format(all_post_hooks)

                print(f"\n{'='*60}")
                print(f"🔄 Running post-hooks ({len(transformed_hooks)} total)")
                print(f"{'='*60}\n")

                # Execute with common hooks library
                execute_hooks(_api_client, _namespace, transformed_hooks, mode="post")
            except Exception as exc:
                print(f"❌ Post-hooks failed during cleanup: {exc}", file=sys.stderr)
    sys.exit(0)


def log_msg(msg: str) -> None:
    """Log message to stdout."""
    print(msg)


def main() -> None:
    """Main execution flow."""
    global _config, _namespace, _api_client

    # Register signal handler for graceful shutdown
    signal.signal(signal.SIGTERM, lambda s, f: cleanup_post_hooks())

    args = parse_args()
    cfg = load_config(args.config)
    _config = cfg

    namespace = cfg.get("namespace")
    if not namespace:
        log_msg("❌ Config missing required field: namespace")
        sys.exit(2)
    _namespace = namespace

    test_mode = args.test

    custom_api, api_client = init_clients()
    _api_client = api_client

    log_msg(f"🔧 Using namespace: {namespace}")

    if test_mode:
        log_msg("⏱️  TEST MODE: Waiting 5 seconds before starting snapshots...")
        time.sleep(5)
        log_msg("✅ TEST MODE: Delay complete, proceeding with snapshots")

    snapshot_config = cfg.get("snapshots", {})
    pvcs = snapshot_config.get("pvcs", [])
    retention = snapshot_config.get("retention", {})

    if not pvcs:
        print("⚠️  No PVCs configured for snapshot", file=sys.stderr)
        sys.exit(0)

    # Collect all pre-hooks from all PVCs
    all_pre_hooks = []
    for pvc_cfg in pvcs:
        pre_hooks = pvc_cfg.get("hooks", {}).get("pre", [])
        all_pre_hooks.extend(pre_hooks)

    # Collect all post-hooks from all PVCs
    all_post_hooks = []
    for pvc_cfg in pvcs:
        post_hooks = pvc_cfg.get("hooks", {}).get("post", [])
        all_post_hooks.extend(post_hooks)

    snapshot_failed = False
    background_hook_futures: dict[str, concurrent.futures.Future] = {}
    hook_executor = None

    try:
        # Step 1: Execute pre-hooks in user-defined order
        if all_pre_hooks:
            print(f"\n{'='*60}")
            print(f"🔄 Executing pre-hooks ({len(all_pre_hooks)} total)")
            print(f"{'='*60}\n")

            # Count background hooks to create executor
            num_background = sum(1 for h in all_pre_hooks if not h.get('wait', True))
            if num_background > 0:
                hook_executor = concurrent.futures.ThreadPoolExecutor(max_workers=num_background)

            # Execute hooks in order
            for i, hook in enumerate(all_pre_hooks):
                hook_id = f"pre-hook-{i}"

                if hook.get('wait', True):  # Blocking hook (default)
                    transformed = transform_hooks_to_common_format([hook])
                    print(f"⏳ [{hook_id}] Executing (blocking)...")
                    execute_hooks(api_client, namespace, transformed, mode="pre")
                    print(f"✅ [{hook_id}] Completed")
                else:  # Background hook
                    if hook_executor is None:
                        raise RuntimeError("Background hook encountered but executor not initialized")

                    transformed = transform_hooks_to_common_format([hook])

                    def execute_background_hook(hook_config, hook_name):
                        """Background task for non-blocking hook."""
                        print(f"🚀 [Background {hook_name}] Starting...")
                        try:
                            execute_hooks(api_client, namespace, hook_config, mode="pre")
                            print(f"✅ [Background {hook_name}] Completed")
                            return {'hook': hook_name, 'success': True}
                        except Exception as e:
                            print(f"❌ [Background {hook_name}] Failed: {e}", file=sys.stderr)
                            raise

                    future = hook_executor.submit(execute_background_hook, transformed, hook_id)
                    background_hook_futures[hook_id] = future
                    print(f"🚀 [{hook_id}] Started in background")

        # Step 2: Create snapshots in parallel
        print(f"\n{'='*60}")
        print(f"📸 Creating {len(pvcs)} snapshot(s) in parallel")
        print(f"{'='*60}\n")

        with concurrent.futures.ThreadPoolExecutor(max_workers=len(pvcs)) as executor:
            futures = {
                executor.submit(create_snapshot_for_pvc, custom_api, pvc_cfg, namespace): pvc_cfg
                for pvc_cfg in pvcs
            }

            for future in concurrent.futures.as_completed(futures):
                pvc_cfg = futures[future]
                try:
                    _ = future.result()  # Wait for completion, result unused
                except Exception as exc:
                    pvc_name = pvc_cfg.get("name", "unknown")
                    print(f"❌ Failed to create snapshot for {pvc_name}: {exc}", file=sys.stderr)
                    snapshot_failed = True

        # Step 3: Prune old snapshots
        if retention:
            print(f"\n{'='*60}")
            print("🗑️  Pruning old snapshots")
            print(f"{'='*60}\n")

            for pvc_cfg in pvcs:
                pvc_name = pvc_cfg.get("name")
                if pvc_name:
                    prune_snapshots_tiered(custom_api, pvc_name, retention, namespace)

        # Step 4: Wait for background pre-hooks to complete
        if background_hook_futures:
            print(f"\n{'='*60}")
            print(f"⏳ Waiting for {len(background_hook_futures)} background pre-hook(s) to complete")
            print(f"{'='*60}\n")

            for hook_id, future in background_hook_futures.items():
                try:
                    result = future.result()  # Block until hook completes
                    print(f"✅ [{hook_id}] Background hook completed: {result}")
                except Exception as exc:
                    print(f"❌ [{hook_id}] Background hook failed: {exc}", file=sys.stderr)
                    snapshot_failed = True

    except Exception as exc:
        print(f"\n❌ Error during snapshot process: {exc}", file=sys.stderr)
        snapshot_failed = True

    finally:
        # Step 5: ALWAYS run post-hooks (even on failure)
        if all_post_hooks:
            try:
                # Transform hooks to common library format
                transformed_post_hooks = transform_hooks_to_common_format(all_post_hooks)

                print(f"\n{'='*60}")
                print(f"🔄 Running post-hooks ({len(transformed_post_hooks)} total)")
                print(f"{'='*60}\n")

                # Execute with common hooks library
                execute_hooks(api_client, namespace, transformed_post_hooks, mode="post")
            except Exception as exc:
                print(f"❌ Post-hooks failed: {exc}", file=sys.stderr)
                snapshot_failed = True

    if snapshot_failed:
        print("\n❌ Snapshot process completed with errors", file=sys.stderr)
        sys.exit(1)

    print("\n✅ Snapshot process completed successfully!")


if __name__ == "__main__":
    main()
