from .config.cluster_config_generator import generateConfig, generate_new_cluster_configuration
from .config.cluster_config_management import ks_hook
from .observer.classes import Info, InfoViewer
from .ansible.ansible_tasks import preInstallTasks, resultInfo
from .ansible.task_management import getResultInfo

__all__ = ["ks_hook","generateConfig","generate_new_cluster_configuration","Info","InfoViewer","preInstallTasks","getResultInfo","resultInfo"]