"""Shared pod monitoring library for controller and CLI.

Provides background thread-based monitoring of Kubernetes pods with:
- Real-time event streaming
- Real-time log streaming
- Graceful shutdown via threading.Event
"""

import threading
import time
from kubernetes import client, watch
from kubernetes.client.exceptions import ApiException


def log_msg(msg: str) -> None:
    """Print message to stdout for logging (CLI user visibility)."""
    print(msg, flush=True)


class PodMonitor:
    """Monitor a Kubernetes pod with event and log streaming.

    Usage:
        monitor = PodMonitor(v1_client, pod_name, namespace)
        monitor.start()

        # Main thread does its own wait logic
        while True:
            pod = v1_client.read_namespaced_pod_status(pod_name, namespace)
            if pod.status.phase in {'Succeeded', 'Failed'}:
                break
            time.sleep(5)

        monitor.stop()
    """

    def __init__(self, v1: client.CoreV1Api, pod_name: str, namespace: str):
        """Initialize pod monitor.

        Args:
            v1: Kubernetes CoreV1Api client
            pod_name: Name of pod to monitor
            namespace: Kubernetes namespace
        """
        self.v1 = v1
        self.pod_name = pod_name
        self.namespace = namespace
        self.stop_event = threading.Event()
        self.log_thread: threading.Thread | None = None
        self.event_thread: threading.Thread | None = None

    def start(self) -> None:
        """Start monitoring threads (events + logs)."""
        self.log_thread = threading.Thread(
            target=self._stream_logs,
            name=f"log-stream-{self.pod_name}",
            daemon=True
        )
        self.event_thread = threading.Thread(
            target=self._stream_events,
            name=f"event-stream-{self.pod_name}",
            daemon=True
        )
        self.log_thread.start()
        self.event_thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop monitoring threads gracefully.

        Args:
            timeout: Max seconds to wait for threads to finish
        """
        self.stop_event.set()
        if self.log_thread:
            self.log_thread.join(timeout=timeout)
        if self.event_thread:
            self.event_thread.join(timeout=timeout)

    def _stream_logs(self) -> None:
        """Stream pod logs to stdout in real-time (runs in background thread).

        Copied from controller stream_pod_logs() function.
        """
        try:
            # Poll until container is ready OR stop_event is set
            # No hardcoded timeout - main thread sets stop_event when pod completes
            while not self.stop_event.is_set():
                try:
                    pod = self.v1.read_namespaced_pod(self.pod_name, self.namespace)

                    # Check container status (not just pod phase)
                    if pod.status.container_statuses:
                        for container in pod.status.container_statuses:
                            # Container running - ready to stream!
                            if container.state.running and container.state.running.started_at:
                                break

                            # Container terminated (succeeded/failed) - need fallback
                            if container.state.terminated:
                                break
                        else:
                            # No container ready yet, keep polling
                            time.sleep(2)
                            continue

                        # Found container in ready state, break outer loop
                        break
                except ApiException:
                    pass

                time.sleep(2)

            # If stop_event was set before container ready, exit
            if self.stop_event.is_set():
                return

            # Try streaming logs with follow=True
            try:
                log_stream = self.v1.read_namespaced_pod_log(
                    self.pod_name,
                    self.namespace,
                    follow=True,  # Always try follow first
                    _preload_content=False
                )

                # Stream logs line by line
                for line in log_stream:
                    if self.stop_event.is_set():
                        break
                    line_str = line.decode('utf-8').rstrip('\n\r')
                    if line_str:
                        print(f"[{self.pod_name}] {line_str}", flush=True)

            except ApiException as exc:
                # Handle "Bad Request" - likely pod completed before streaming started
                if hasattr(exc, 'status') and exc.status == 400:
                    # Fallback: Read all logs without follow
                    try:
                        logs = self.v1.read_namespaced_pod_log(self.pod_name, self.namespace)
                        if logs:
                            for line in logs.split('\n'):
                                if line.strip():
                                    print(f"[{self.pod_name}] {line}", flush=True)
                    except ApiException:
                        # Even fallback failed - just log warning
                        if not self.stop_event.is_set():
                            log_msg(f"⚠️  Could not retrieve logs for {self.pod_name}")
                else:
                    # Other error - log it
                    if not self.stop_event.is_set():
                        reason = exc.reason if hasattr(exc, 'reason') else exc
                        log_msg(f"⚠️  Log streaming ended for {self.pod_name}: {reason}")

        except Exception as exc:
            log_msg(f"⚠️  Error streaming logs for {self.pod_name}: {exc}")

    def _stream_events(self) -> None:
        """Stream pod events to stdout in real-time (runs in background thread).

        Uses application-level deduplication via event UIDs to prevent duplicate
        event output. This is simpler and more robust than resourceVersion tracking:
        - Handles duplicates from timeout reconnects, 410 errors, network issues
        - No race conditions or complex resourceVersion semantics
        - Works regardless of watch timing

        The watch will reconnect on timeouts and errors, potentially replaying events.
        We filter duplicates by tracking seen event UIDs in memory.
        """
        try:
            # Track seen event UIDs to prevent duplicates (memory usage: ~50-100 UIDs max)
            seen_event_uids: set[str] = set()

            while not self.stop_event.is_set():
                w = watch.Watch()

                try:
                    for event in w.stream(
                        self.v1.list_namespaced_event,
                        namespace=self.namespace,
                        field_selector=f"involvedObject.kind=Pod,involvedObject.name={self.pod_name}",
                        timeout_seconds=60
                    ):
                        if self.stop_event.is_set():
                            break

                        obj = event['object']

                        # Deduplicate via event UID (handles all duplicate sources)
                        event_uid = obj.metadata.uid
                        if event_uid in seen_event_uids:
                            continue

                        # New event - print and track
                        print(f"[EVENT] {obj.reason}: {obj.message}", flush=True)
                        seen_event_uids.add(event_uid)

                except ApiException as exc:
                    # Watch errors are expected (timeout, resourceVersion expired, network)
                    # Just log and reconnect - deduplication handles replayed events
                    if not self.stop_event.is_set():
                        # Only log non-timeout errors
                        if not (hasattr(exc, 'status') and exc.status == 410):
                            reason = exc.reason if hasattr(exc, 'reason') else exc
                            log_msg(f"⚠️  Event watch interrupted for {self.pod_name}: {reason}")
                    # Continue to reconnect (outer while loop)

                except Exception as exc:
                    # Network errors, connection drops, etc.
                    if not self.stop_event.is_set():
                        log_msg(f"⚠️  Event watch error for {self.pod_name}: {exc}")
                    # Continue to reconnect (outer while loop)

                finally:
                    w.stop()

                # Brief pause before reconnect (prevents hammering on persistent failures)
                if not self.stop_event.is_set():
                    time.sleep(2)

        except Exception as exc:
            # Thread-level error (should never happen)
            log_msg(f"⚠️  Fatal error in event stream for {self.pod_name}: {exc}")
