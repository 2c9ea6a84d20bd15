from .cluster_config_management import ks_hook, cluster_configuration, get_cluster_configuration, create_cluster_configuration, delete_cluster_configuration
from .cluster_config_generator import generate_new_cluster_configuration, generateConfig

__all__ = ["ks_hook","cluster_configuration","get_cluster_configuration","create_cluster_configuration","delete_cluster_configuration","generateConfig","generate_new_cluster_configuration"]