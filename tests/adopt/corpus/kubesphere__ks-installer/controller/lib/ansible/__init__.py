from .ansible_tasks import component, preInstallTasks, resultInfo
from .task_management import generateTaskLists, getComponentLists, getResultInfo

__all__ = ["component","preInstallTasks","resultInfo","generateTaskLists","getComponentLists","getResultInfo"]