"""ECS service helpers."""
from services.ecs.create_cluster import create_cluster
from services.ecs.create_service import create_service
from services.ecs.delete_cluster import delete_cluster
from services.ecs.delete_service import delete_service
from services.ecs.deregister_task_definition import deregister_task_definition
from services.ecs.list_clusters import list_clusters
from services.ecs.list_services import list_services
from services.ecs.list_task_definitions import list_task_definitions
from services.ecs.list_tasks import list_tasks
from services.ecs.register_task_definition import register_task_definition
from services.ecs.run_task import run_task
from services.ecs.stop_task import stop_task

__all__ = [
    "create_cluster",
    "create_service",
    "delete_cluster",
    "delete_service",
    "deregister_task_definition",
    "list_clusters",
    "list_services",
    "list_task_definitions",
    "list_tasks",
    "register_task_definition",
    "run_task",
    "stop_task",
]
